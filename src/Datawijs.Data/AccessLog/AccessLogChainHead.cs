namespace Datawijs.Data.AccessLog;

/// <summary>A tenant's chain head: the last entry's place and hash, and the genesis the chain started from.</summary>
public sealed class AccessLogChainHead
{
    public Guid TenantId { get; init; }

    public long Position { get; init; }

    public Guid EntryId { get; init; }

    public string EntryHash { get; init; } = "";

    public string GenesisHash { get; init; } = "";

    public long PreHistoryCount { get; init; }
}
