using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.ProfileSets;

/// <summary>Publication history (for differencing) and fairness reviews of profile sets.</summary>
public sealed record ProfileHistorySql(
    string InsertPublication,
    string CountPublications,
    string PublicationsOfDataset,
    string PublishedSetsWithoutRecord,
    string InsertReview,
    string FindReview,
    string ArchiveReview,
    string ReplaceReview,
    string ReplacedReviews,
    string DeletePublicationsOfDataset,
    string DeleteReplacedReviewsOfDataset,
    string DeleteReviewsOfDataset) : ISqlStatements
{
    public static readonly ProfileHistorySql Sqlite = new(
        InsertPublication: """
            INSERT INTO profile_publications (id, tenant_id, dataset_id, profile_set_id, k, published_at, record)
            VALUES (@Id, @TenantId, @DatasetId, @ProfileSetId, @K, @PublishedAt, @Record)
            """,
        CountPublications: "SELECT COUNT(*) FROM profile_publications WHERE tenant_id = @TenantId AND dataset_id = @DatasetId",
        PublicationsOfDataset: """
            SELECT id, tenant_id, dataset_id, profile_set_id, k, published_at, record
            FROM profile_publications WHERE tenant_id = @TenantId AND dataset_id = @DatasetId ORDER BY published_at, id
            """,
        PublishedSetsWithoutRecord: """
            SELECT s.id, s.tenant_id, s.dataset_id, s.clustering_id, s.status, s.description, s.method, s.published_view,
                   s.created_at, s.updated_at, s.published_at, s.retired_at
            FROM profile_sets s
            WHERE s.tenant_id = @TenantId AND s.dataset_id = @DatasetId AND s.published_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM profile_publications p WHERE p.profile_set_id = s.id)
            ORDER BY s.published_at, s.id
            """,
        InsertReview: """
            INSERT INTO fairness_reviews (id, tenant_id, profile_set_id, findings, reasoning, reviewed_at, client_id, user_id, user_representation)
            SELECT @Id, @TenantId, @ProfileSetId, @Findings, @Reasoning, @ReviewedAt, @ClientId, @UserId, @UserRepresentation
            WHERE EXISTS (SELECT 1 FROM profile_sets s WHERE s.tenant_id = @TenantId AND s.id = @ProfileSetId AND s.status = 'draft')
              AND NOT EXISTS (SELECT 1 FROM fairness_reviews r WHERE r.profile_set_id = @ProfileSetId)
            """,
        FindReview: """
            SELECT id, tenant_id, profile_set_id, findings, reasoning, reviewed_at, client_id, user_id, user_representation
            FROM fairness_reviews WHERE tenant_id = @TenantId AND profile_set_id = @ProfileSetId
            """,
        // The review about to be replaced, kept as it was (same conditions as the replacement, in its transaction).
        ArchiveReview: """
            INSERT INTO fairness_reviews_replaced (id, tenant_id, profile_set_id, findings, reasoning, reviewed_at, client_id, user_id, user_representation, replaced_at)
            SELECT r.id, r.tenant_id, r.profile_set_id, r.findings, r.reasoning, r.reviewed_at, r.client_id, r.user_id, r.user_representation, @ReviewedAt
            FROM fairness_reviews r
            WHERE r.tenant_id = @TenantId AND r.profile_set_id = @ProfileSetId AND r.id = @PreviousId
              AND EXISTS (SELECT 1 FROM profile_sets s WHERE s.tenant_id = @TenantId AND s.id = @ProfileSetId AND s.status = 'draft')
            """,
        ReplaceReview: """
            UPDATE fairness_reviews
            SET id = @Id, findings = @Findings, reasoning = @Reasoning, reviewed_at = @ReviewedAt, client_id = @ClientId, user_id = @UserId, user_representation = @UserRepresentation
            WHERE tenant_id = @TenantId AND profile_set_id = @ProfileSetId AND id = @PreviousId
              AND EXISTS (SELECT 1 FROM profile_sets s WHERE s.tenant_id = @TenantId AND s.id = @ProfileSetId AND s.status = 'draft')
            """,
        ReplacedReviews: """
            SELECT id, tenant_id, profile_set_id, findings, reasoning, reviewed_at, client_id, user_id, user_representation
            FROM fairness_reviews_replaced WHERE tenant_id = @TenantId AND profile_set_id = @ProfileSetId ORDER BY replaced_at, id
            """,
        DeletePublicationsOfDataset: "DELETE FROM profile_publications WHERE tenant_id = @TenantId AND dataset_id = @Id",
        DeleteReplacedReviewsOfDataset: "DELETE FROM fairness_reviews_replaced WHERE tenant_id = @TenantId AND profile_set_id IN (SELECT id FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id)",
        DeleteReviewsOfDataset: "DELETE FROM fairness_reviews WHERE tenant_id = @TenantId AND profile_set_id IN (SELECT id FROM profile_sets WHERE tenant_id = @TenantId AND dataset_id = @Id)");

    public static readonly ProfileHistorySql SqlServer = new(
        InsertPublication: """
            INSERT INTO dbo.ProfilePublications (Id, TenantId, DatasetId, ProfileSetId, K, PublishedAt, Record)
            VALUES (@Id, @TenantId, @DatasetId, @ProfileSetId, @K, @PublishedAt, @Record)
            """,
        CountPublications: "SELECT COUNT(*) FROM dbo.ProfilePublications WITH (UPDLOCK, HOLDLOCK) WHERE TenantId = @TenantId AND DatasetId = @DatasetId",
        PublicationsOfDataset: """
            SELECT Id, TenantId, DatasetId, ProfileSetId, K, PublishedAt, Record
            FROM dbo.ProfilePublications WHERE TenantId = @TenantId AND DatasetId = @DatasetId ORDER BY PublishedAt, Id
            """,
        PublishedSetsWithoutRecord: """
            SELECT s.Id, s.TenantId, s.DatasetId, s.ClusteringId, s.Status, s.Description, s.Method, s.PublishedView,
                   s.CreatedAt, s.UpdatedAt, s.PublishedAt, s.RetiredAt
            FROM dbo.ProfileSets s
            WHERE s.TenantId = @TenantId AND s.DatasetId = @DatasetId AND s.PublishedAt IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM dbo.ProfilePublications p WHERE p.ProfileSetId = s.Id)
            ORDER BY s.PublishedAt, s.Id
            """,
        InsertReview: """
            INSERT INTO dbo.FairnessReviews (Id, TenantId, ProfileSetId, Findings, Reasoning, ReviewedAt, ClientId, UserId, UserRepresentation)
            SELECT @Id, @TenantId, @ProfileSetId, @Findings, @Reasoning, @ReviewedAt, @ClientId, @UserId, @UserRepresentation
            WHERE EXISTS (SELECT 1 FROM dbo.ProfileSets s WHERE s.TenantId = @TenantId AND s.Id = @ProfileSetId AND s.Status = N'draft')
              AND NOT EXISTS (SELECT 1 FROM dbo.FairnessReviews r WITH (UPDLOCK, HOLDLOCK) WHERE r.ProfileSetId = @ProfileSetId)
            """,
        FindReview: """
            SELECT Id, TenantId, ProfileSetId, Findings, Reasoning, ReviewedAt, ClientId, UserId, UserRepresentation
            FROM dbo.FairnessReviews WHERE TenantId = @TenantId AND ProfileSetId = @ProfileSetId
            """,
        ArchiveReview: """
            INSERT INTO dbo.FairnessReviewsReplaced (Id, TenantId, ProfileSetId, Findings, Reasoning, ReviewedAt, ClientId, UserId, UserRepresentation, ReplacedAt)
            SELECT r.Id, r.TenantId, r.ProfileSetId, r.Findings, r.Reasoning, r.ReviewedAt, r.ClientId, r.UserId, r.UserRepresentation, @ReviewedAt
            FROM dbo.FairnessReviews r WITH (UPDLOCK, HOLDLOCK)
            WHERE r.TenantId = @TenantId AND r.ProfileSetId = @ProfileSetId AND r.Id = @PreviousId
              AND EXISTS (SELECT 1 FROM dbo.ProfileSets s WHERE s.TenantId = @TenantId AND s.Id = @ProfileSetId AND s.Status = 'draft')
            """,
        ReplaceReview: """
            UPDATE dbo.FairnessReviews
            SET Id = @Id, Findings = @Findings, Reasoning = @Reasoning, ReviewedAt = @ReviewedAt, ClientId = @ClientId, UserId = @UserId, UserRepresentation = @UserRepresentation
            WHERE TenantId = @TenantId AND ProfileSetId = @ProfileSetId AND Id = @PreviousId
              AND EXISTS (SELECT 1 FROM dbo.ProfileSets s WHERE s.TenantId = @TenantId AND s.Id = @ProfileSetId AND s.Status = 'draft')
            """,
        ReplacedReviews: """
            SELECT Id, TenantId, ProfileSetId, Findings, Reasoning, ReviewedAt, ClientId, UserId, UserRepresentation
            FROM dbo.FairnessReviewsReplaced WHERE TenantId = @TenantId AND ProfileSetId = @ProfileSetId ORDER BY ReplacedAt, Id
            """,
        DeletePublicationsOfDataset: "DELETE FROM dbo.ProfilePublications WHERE TenantId = @TenantId AND DatasetId = @Id",
        DeleteReplacedReviewsOfDataset: "DELETE FROM dbo.FairnessReviewsReplaced WHERE TenantId = @TenantId AND ProfileSetId IN (SELECT Id FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id)",
        DeleteReviewsOfDataset: "DELETE FROM dbo.FairnessReviews WHERE TenantId = @TenantId AND ProfileSetId IN (SELECT Id FROM dbo.ProfileSets WHERE TenantId = @TenantId AND DatasetId = @Id)");
}
