using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Changes;

public sealed record ChangeCounterSql(string Bump, string ReadAll) : ISqlStatements
{
    public static readonly ChangeCounterSql Sqlite = new(
        Bump: """
            INSERT INTO change_counters (tenant_id, kind, version) VALUES (@TenantId, @Kind, 1)
            ON CONFLICT (tenant_id, kind) DO UPDATE SET version = change_counters.version + 1
            """,
        ReadAll: "SELECT tenant_id, kind, version FROM change_counters");

    public static readonly ChangeCounterSql SqlServer = new(
        Bump: """
            UPDATE dbo.ChangeCounters WITH (UPDLOCK, HOLDLOCK) SET Version = Version + 1 WHERE TenantId = @TenantId AND Kind = @Kind;
            IF @@ROWCOUNT = 0
            INSERT INTO dbo.ChangeCounters (TenantId, Kind, Version) VALUES (@TenantId, @Kind, 1);
            """,
        ReadAll: "SELECT TenantId, Kind, Version FROM dbo.ChangeCounters");
}
