using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.ProfileSets;

public sealed record ProfileSetSql(
    string Insert,
    string InsertProfile,
    string Find,
    string FindPublished,
    string Profiles,
    string UpdateProfile,
    string RetirePublished,
    string Publish,
    string Retire) : ISqlStatements
{
    private const string SqliteColumns =
        "id, tenant_id, dataset_id, clustering_id, status, description, method, published_view, created_at, updated_at, published_at, retired_at";

    private const string SqlServerColumns =
        "Id, TenantId, DatasetId, ClusteringId, Status, Description, Method, PublishedView, CreatedAt, UpdatedAt, PublishedAt, RetiredAt";

    public static readonly ProfileSetSql Sqlite = new(
        Insert: $"INSERT INTO profile_sets ({SqliteColumns}) VALUES (@Id, @TenantId, @DatasetId, @ClusteringId, @Status, @Description, @Method, @PublishedView, @CreatedAt, @UpdatedAt, @PublishedAt, @RetiredAt)",
        InsertProfile: """
            INSERT INTO profiles (id, tenant_id, profile_set_id, cluster, name_nl, name_en, description_nl, description_en, updated_at)
            VALUES (@Id, @TenantId, @ProfileSetId, @Cluster, @NameNl, @NameEn, @DescriptionNl, @DescriptionEn, @UpdatedAt)
            """,
        Find: $"SELECT {SqliteColumns} FROM profile_sets WHERE tenant_id = @TenantId AND id = @Id",
        FindPublished: $"SELECT {SqliteColumns} FROM profile_sets WHERE tenant_id = @TenantId AND status = 'published'",
        Profiles: """
            SELECT id, tenant_id, profile_set_id, cluster, name_nl, name_en, description_nl, description_en, updated_at
            FROM profiles WHERE tenant_id = @TenantId AND profile_set_id = @ProfileSetId ORDER BY cluster
            """,
        UpdateProfile: """
            UPDATE profiles SET name_nl = @NameNl, name_en = @NameEn, description_nl = @DescriptionNl, description_en = @DescriptionEn, updated_at = @UpdatedAt
            WHERE tenant_id = @TenantId AND profile_set_id = @ProfileSetId AND id = @Id
              AND EXISTS (SELECT 1 FROM profile_sets s WHERE s.id = @ProfileSetId AND s.tenant_id = @TenantId AND s.status = 'draft')
            """,
        RetirePublished: "UPDATE profile_sets SET status = 'retired', retired_at = @At, updated_at = @At WHERE tenant_id = @TenantId AND status = 'published'",
        Publish: """
            UPDATE profile_sets SET status = 'published', published_view = @PublishedView, published_at = @At, updated_at = @At
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'draft'
            """,
        Retire: "UPDATE profile_sets SET status = 'retired', retired_at = @At, updated_at = @At WHERE tenant_id = @TenantId AND id = @Id AND status IN ('draft', 'published')");

    public static readonly ProfileSetSql SqlServer = new(
        Insert: $"INSERT INTO dbo.ProfileSets ({SqlServerColumns}) VALUES (@Id, @TenantId, @DatasetId, @ClusteringId, @Status, @Description, @Method, @PublishedView, @CreatedAt, @UpdatedAt, @PublishedAt, @RetiredAt)",
        InsertProfile: """
            INSERT INTO dbo.Profiles (Id, TenantId, ProfileSetId, Cluster, NameNl, NameEn, DescriptionNl, DescriptionEn, UpdatedAt)
            VALUES (@Id, @TenantId, @ProfileSetId, @Cluster, @NameNl, @NameEn, @DescriptionNl, @DescriptionEn, @UpdatedAt)
            """,
        Find: $"SELECT {SqlServerColumns} FROM dbo.ProfileSets WHERE TenantId = @TenantId AND Id = @Id",
        FindPublished: $"SELECT {SqlServerColumns} FROM dbo.ProfileSets WHERE TenantId = @TenantId AND Status = N'published'",
        Profiles: """
            SELECT Id, TenantId, ProfileSetId, Cluster, NameNl, NameEn, DescriptionNl, DescriptionEn, UpdatedAt
            FROM dbo.Profiles WHERE TenantId = @TenantId AND ProfileSetId = @ProfileSetId ORDER BY Cluster
            """,
        UpdateProfile: """
            UPDATE dbo.Profiles SET NameNl = @NameNl, NameEn = @NameEn, DescriptionNl = @DescriptionNl, DescriptionEn = @DescriptionEn, UpdatedAt = @UpdatedAt
            WHERE TenantId = @TenantId AND ProfileSetId = @ProfileSetId AND Id = @Id
              AND EXISTS (SELECT 1 FROM dbo.ProfileSets s WHERE s.Id = @ProfileSetId AND s.TenantId = @TenantId AND s.Status = N'draft')
            """,
        RetirePublished: "UPDATE dbo.ProfileSets SET Status = N'retired', RetiredAt = @At, UpdatedAt = @At WHERE TenantId = @TenantId AND Status = N'published'",
        Publish: """
            UPDATE dbo.ProfileSets SET Status = N'published', PublishedView = @PublishedView, PublishedAt = @At, UpdatedAt = @At
            WHERE TenantId = @TenantId AND Id = @Id AND Status = N'draft'
            """,
        Retire: "UPDATE dbo.ProfileSets SET Status = N'retired', RetiredAt = @At, UpdatedAt = @At WHERE TenantId = @TenantId AND Id = @Id AND Status IN (N'draft', N'published')");
}
