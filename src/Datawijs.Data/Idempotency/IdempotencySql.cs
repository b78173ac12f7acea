using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Idempotency;

/// <summary>
/// Idempotency records. A record older than the retention has expired: a new request with its key
/// replaces it (Begin), and the sweep deletes expired records in batches, oldest first.
/// </summary>
public sealed record IdempotencySql(string Begin, string Find, string Complete, string Abandon, string DeleteExpired) : ISqlStatements
{
    public static readonly IdempotencySql Sqlite = new(
        Begin: """
            INSERT INTO idempotency_records (tenant_id, client_id, idem_key, request_hash, created_at)
            VALUES (@TenantId, @ClientId, @IdemKey, @RequestHash, @CreatedAt)
            ON CONFLICT (tenant_id, client_id, idem_key) DO UPDATE SET created_at = excluded.created_at, request_hash = excluded.request_hash,
                status_code = NULL, location = NULL, content_type = NULL, body = NULL
            WHERE (idempotency_records.status_code IS NULL AND idempotency_records.request_hash = excluded.request_hash
                   AND idempotency_records.created_at < @StaleBefore)
               OR idempotency_records.created_at < @ExpiredBefore
            """,
        Find: """
            SELECT tenant_id, client_id, idem_key, request_hash, status_code, location, content_type, body, created_at
            FROM idempotency_records WHERE tenant_id = @TenantId AND client_id = @ClientId AND idem_key = @IdemKey
            """,
        Complete: """
            UPDATE idempotency_records SET status_code = @StatusCode, location = @Location, content_type = @ContentType, body = @Body
            WHERE tenant_id = @TenantId AND client_id = @ClientId AND idem_key = @IdemKey
            """,
        Abandon: "DELETE FROM idempotency_records WHERE tenant_id = @TenantId AND client_id = @ClientId AND idem_key = @IdemKey AND status_code IS NULL",
        DeleteExpired: """
            DELETE FROM idempotency_records WHERE rowid IN (
                SELECT rowid FROM idempotency_records WHERE created_at < @ExpiredBefore ORDER BY created_at LIMIT @Batch)
            """);

    public static readonly IdempotencySql SqlServer = new(
        Begin: """
            UPDATE dbo.IdempotencyRecords SET CreatedAt = @CreatedAt, RequestHash = @RequestHash,
                StatusCode = NULL, Location = NULL, ContentType = NULL, Body = NULL
            WHERE TenantId = @TenantId AND ClientId = @ClientId AND IdemKey = @IdemKey
              AND ((StatusCode IS NULL AND RequestHash = @RequestHash AND CreatedAt < @StaleBefore) OR CreatedAt < @ExpiredBefore);
            IF @@ROWCOUNT = 0
            INSERT INTO dbo.IdempotencyRecords (TenantId, ClientId, IdemKey, RequestHash, CreatedAt)
            SELECT @TenantId, @ClientId, @IdemKey, @RequestHash, @CreatedAt
            WHERE NOT EXISTS (
                SELECT 1 FROM dbo.IdempotencyRecords WITH (UPDLOCK, HOLDLOCK)
                WHERE TenantId = @TenantId AND ClientId = @ClientId AND IdemKey = @IdemKey)
            """,
        Find: """
            SELECT TenantId, ClientId, IdemKey, RequestHash, StatusCode, Location, ContentType, Body, CreatedAt
            FROM dbo.IdempotencyRecords WHERE TenantId = @TenantId AND ClientId = @ClientId AND IdemKey = @IdemKey
            """,
        Complete: """
            UPDATE dbo.IdempotencyRecords SET StatusCode = @StatusCode, Location = @Location, ContentType = @ContentType, Body = @Body
            WHERE TenantId = @TenantId AND ClientId = @ClientId AND IdemKey = @IdemKey
            """,
        Abandon: "DELETE FROM dbo.IdempotencyRecords WHERE TenantId = @TenantId AND ClientId = @ClientId AND IdemKey = @IdemKey AND StatusCode IS NULL",
        DeleteExpired: "DELETE TOP (@Batch) FROM dbo.IdempotencyRecords WHERE CreatedAt < @ExpiredBefore");
}
