using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Organisations;

public sealed record OrganisationSql(
    string Insert,
    string Find,
    string FirstPage,
    string NextPage,
    string Update) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, name, kind, inhabitants, region, created_at, updated_at";
    private const string SqlServerColumns = "Id, TenantId, Name, Kind, Inhabitants, Region, CreatedAt, UpdatedAt";

    public static readonly OrganisationSql Sqlite = new(
        Insert: $"INSERT INTO organisations ({SqliteColumns}) VALUES (@Id, @TenantId, @Name, @Kind, @Inhabitants, @Region, @CreatedAt, @UpdatedAt)",
        Find: $"SELECT {SqliteColumns} FROM organisations WHERE tenant_id = @TenantId AND id = @Id",
        FirstPage: $"SELECT {SqliteColumns} FROM organisations WHERE tenant_id = @TenantId ORDER BY created_at, id LIMIT @Limit",
        NextPage: $"""
            SELECT {SqliteColumns} FROM organisations
            WHERE tenant_id = @TenantId
              AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Limit
            """,
        Update: """
            UPDATE organisations SET name = @Name, kind = @Kind, inhabitants = @Inhabitants, region = @Region, updated_at = @UpdatedAt
            WHERE tenant_id = @TenantId AND id = @Id
            """);

    public static readonly OrganisationSql SqlServer = new(
        Insert: $"INSERT INTO dbo.Organisations ({SqlServerColumns}) VALUES (@Id, @TenantId, @Name, @Kind, @Inhabitants, @Region, @CreatedAt, @UpdatedAt)",
        Find: $"SELECT {SqlServerColumns} FROM dbo.Organisations WHERE TenantId = @TenantId AND Id = @Id",
        FirstPage: $"SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Organisations WHERE TenantId = @TenantId ORDER BY CreatedAt, Id",
        NextPage: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.Organisations
            WHERE TenantId = @TenantId
              AND (CreatedAt > @AfterCreatedAt OR (CreatedAt = @AfterCreatedAt AND Id > @AfterId))
            ORDER BY CreatedAt, Id
            """,
        Update: """
            UPDATE dbo.Organisations SET Name = @Name, Kind = @Kind, Inhabitants = @Inhabitants, Region = @Region, UpdatedAt = @UpdatedAt
            WHERE TenantId = @TenantId AND Id = @Id
            """);
}
