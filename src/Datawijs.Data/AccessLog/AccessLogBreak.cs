namespace Datawijs.Data.AccessLog;

/// <summary>Where a chain is broken: the first entry that does not verify, and why.</summary>
/// <param name="EntryId">The entry named (for a missing entry: the one found in its place, or null when the log ends early).</param>
/// <param name="Position">The place in the tenant's chain where the break is.</param>
public sealed record AccessLogBreak(Guid TenantId, Guid? EntryId, long Position, string Reason);
