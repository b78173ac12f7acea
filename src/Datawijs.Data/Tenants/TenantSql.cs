using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Tenants;

public sealed record TenantSql(
    string InsertIfMissing,
    string FindBySlug,
    string FindById,
    string InsertClient,
    string FindClient,
    string ListClients,
    string RevokeClient) : ISqlStatements
{
    public static readonly TenantSql Sqlite = new(
        InsertIfMissing: """
            INSERT INTO tenants (id, slug, name, created_at) VALUES (@Id, @Slug, @Name, @CreatedAt)
            ON CONFLICT (slug) DO NOTHING
            """,
        FindBySlug: "SELECT id, slug, name, created_at FROM tenants WHERE slug = @Slug",
        FindById: "SELECT id, slug, name, created_at FROM tenants WHERE id = @Id",
        InsertClient: """
            INSERT INTO clients (id, tenant_id, client_id, secret_salt, secret_hash, scopes, created_at, name)
            VALUES (@Id, @TenantId, @ClientId, @SecretSalt, @SecretHash, @Scopes, @CreatedAt, @Name)
            """,
        FindClient: """
            SELECT c.id, c.tenant_id, t.slug AS tenant_slug, c.client_id, c.secret_salt, c.secret_hash,
                   c.scopes, c.created_at, c.revoked_at, c.name
            FROM clients c JOIN tenants t ON t.id = c.tenant_id
            WHERE c.client_id = @ClientId
            """,
        ListClients: """
            SELECT c.id, c.tenant_id, t.slug AS tenant_slug, c.client_id, c.secret_salt, c.secret_hash,
                   c.scopes, c.created_at, c.revoked_at, c.name
            FROM clients c JOIN tenants t ON t.id = c.tenant_id
            WHERE c.tenant_id = @TenantId
            ORDER BY c.created_at, c.client_id
            """,
        RevokeClient: "UPDATE clients SET revoked_at = @RevokedAt WHERE client_id = @ClientId AND revoked_at IS NULL");

    public static readonly TenantSql SqlServer = new(
        InsertIfMissing: """
            INSERT INTO dbo.Tenants (Id, Slug, Name, CreatedAt)
            SELECT @Id, @Slug, @Name, @CreatedAt
            WHERE NOT EXISTS (SELECT 1 FROM dbo.Tenants WITH (UPDLOCK, HOLDLOCK) WHERE Slug = @Slug)
            """,
        FindBySlug: "SELECT Id, Slug, Name, CreatedAt FROM dbo.Tenants WHERE Slug = @Slug",
        FindById: "SELECT Id, Slug, Name, CreatedAt FROM dbo.Tenants WHERE Id = @Id",
        InsertClient: """
            INSERT INTO dbo.Clients (Id, TenantId, ClientId, SecretSalt, SecretHash, Scopes, CreatedAt, Name)
            VALUES (@Id, @TenantId, @ClientId, @SecretSalt, @SecretHash, @Scopes, @CreatedAt, @Name)
            """,
        FindClient: """
            SELECT c.Id, c.TenantId, t.Slug AS TenantSlug, c.ClientId, c.SecretSalt, c.SecretHash,
                   c.Scopes, c.CreatedAt, c.RevokedAt, c.Name
            FROM dbo.Clients c JOIN dbo.Tenants t ON t.Id = c.TenantId
            WHERE c.ClientId = @ClientId
            """,
        ListClients: """
            SELECT c.Id, c.TenantId, t.Slug AS TenantSlug, c.ClientId, c.SecretSalt, c.SecretHash,
                   c.Scopes, c.CreatedAt, c.RevokedAt, c.Name
            FROM dbo.Clients c JOIN dbo.Tenants t ON t.Id = c.TenantId
            WHERE c.TenantId = @TenantId
            ORDER BY c.CreatedAt, c.ClientId
            """,
        RevokeClient: "UPDATE dbo.Clients SET RevokedAt = @RevokedAt WHERE ClientId = @ClientId AND RevokedAt IS NULL");
}
