namespace Datawijs.Data.AccessLog;

/// <summary>The outcome of walking one tenant's chain.</summary>
public sealed record AccessLogChainReport(Guid TenantId, long ChainedEntries, long PreHistoryEntries, bool PreHistorySealed, string? HeadHash, AccessLogBreak? Break)
{
    public bool Intact => Break is null;
}
