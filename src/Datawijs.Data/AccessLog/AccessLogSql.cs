using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.AccessLog;

/// <summary>
/// Only INSERT and SELECT on the log itself: it is append-only (the migrations make UPDATE and DELETE
/// fail). The chain head of a tenant is inserted once and then only moved forward.
/// </summary>
public sealed record AccessLogSql(
    string Insert,
    string ListForSubject,
    string LockHead,
    string InsertHead,
    string AdvanceHead,
    string ListPreHistory,
    string FindHead,
    string ListChained,
    string ListTenants,
    string CountChainTables) : ISqlStatements
{
    private const string SqliteColumns = "id, tenant_id, subject_pseudonym, occurred_at, client_id, user_id, user_representation, activity, reason, action, resource_id";
    private const string SqliteChainColumns = SqliteColumns + ", chain_position, previous_hash, entry_hash";
    private const string SqlServerColumns = "Id, TenantId, SubjectPseudonym, OccurredAt, ClientId, UserId, UserRepresentation, Activity, Reason, Action, ResourceId";
    private const string SqlServerChainColumns = SqlServerColumns + ", ChainPosition, PreviousHash, EntryHash";
    private const string Values = "@Id, @TenantId, @SubjectPseudonym, @OccurredAt, @ClientId, @UserId, @UserRepresentation, @Activity, @Reason, @Action, @ResourceId, @ChainPosition, @PreviousHash, @EntryHash";

    public static readonly AccessLogSql Sqlite = new(
        Insert: $"INSERT INTO access_log ({SqliteChainColumns}) VALUES ({Values})",
        ListForSubject: $"""
            SELECT {SqliteColumns} FROM access_log
            WHERE tenant_id = @TenantId AND subject_pseudonym = @SubjectPseudonym
            ORDER BY occurred_at DESC, id DESC LIMIT @Limit
            """,
        // SQLite has one writer: inside the write transaction the head cannot move under us.
        LockHead: "SELECT CAST(position AS TEXT) || ' ' || entry_hash FROM access_log_chain_heads WHERE tenant_id = @TenantId",
        InsertHead: """
            INSERT INTO access_log_chain_heads (tenant_id, position, entry_id, entry_hash, genesis_hash, pre_history_count)
            VALUES (@TenantId, @Position, @EntryId, @EntryHash, @GenesisHash, @PreHistoryCount)
            """,
        AdvanceHead: "UPDATE access_log_chain_heads SET position = @Position, entry_id = @EntryId, entry_hash = @EntryHash WHERE tenant_id = @TenantId AND position < @Position",
        ListPreHistory: $"SELECT {SqliteColumns} FROM access_log WHERE tenant_id = @TenantId AND chain_position IS NULL",
        FindHead: "SELECT tenant_id, position, entry_id, entry_hash, genesis_hash, pre_history_count FROM access_log_chain_heads WHERE tenant_id = @TenantId",
        ListChained: $"SELECT {SqliteChainColumns} FROM access_log WHERE tenant_id = @TenantId AND chain_position IS NOT NULL ORDER BY chain_position",
        ListTenants: "SELECT tenant_id FROM access_log UNION SELECT tenant_id FROM access_log_chain_heads",
        CountChainTables: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('tenants', 'access_log', 'access_log_chain_heads')");

    public static readonly AccessLogSql SqlServer = new(
        Insert: $"INSERT INTO dbo.AccessLog ({SqlServerChainColumns}) VALUES ({Values})",
        ListForSubject: $"""
            SELECT TOP (@Limit) {SqlServerColumns} FROM dbo.AccessLog
            WHERE TenantId = @TenantId AND SubjectPseudonym = @SubjectPseudonym
            ORDER BY OccurredAt DESC, Id DESC
            """,
        // Serialises the writers of one tenant until their transaction ends; HOLDLOCK keeps the key
        // range locked when the tenant has no head yet, so two first entries cannot both start a chain.
        LockHead: "SELECT CONCAT(Position, ' ', EntryHash) FROM dbo.AccessLogChainHeads WITH (UPDLOCK, HOLDLOCK) WHERE TenantId = @TenantId",
        InsertHead: """
            INSERT INTO dbo.AccessLogChainHeads (TenantId, Position, EntryId, EntryHash, GenesisHash, PreHistoryCount)
            VALUES (@TenantId, @Position, @EntryId, @EntryHash, @GenesisHash, @PreHistoryCount)
            """,
        AdvanceHead: "UPDATE dbo.AccessLogChainHeads SET Position = @Position, EntryId = @EntryId, EntryHash = @EntryHash WHERE TenantId = @TenantId AND Position < @Position",
        ListPreHistory: $"SELECT {SqlServerColumns} FROM dbo.AccessLog WHERE TenantId = @TenantId AND ChainPosition IS NULL",
        FindHead: "SELECT TenantId, Position, EntryId, EntryHash, GenesisHash, PreHistoryCount FROM dbo.AccessLogChainHeads WHERE TenantId = @TenantId",
        ListChained: $"SELECT {SqlServerChainColumns} FROM dbo.AccessLog WHERE TenantId = @TenantId AND ChainPosition IS NOT NULL ORDER BY ChainPosition",
        ListTenants: "SELECT TenantId FROM dbo.AccessLog UNION SELECT TenantId FROM dbo.AccessLogChainHeads",
        CountChainTables: "SELECT COUNT(*) FROM sys.tables WHERE schema_id = SCHEMA_ID(N'dbo') AND name IN (N'Tenants', N'AccessLog', N'AccessLogChainHeads')");
}
