using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Datawijs.Data.AccessLog;

/// <summary>
/// The hash chain of the access log, pure. Each entry's hash is SHA-256 over its canonical form
/// (<see cref="CanonicalForm"/>), which includes its place in the tenant's chain and the hash of the
/// entry before it; the first entry's "previous hash" is the tenant's genesis (<see cref="Genesis"/>),
/// a hash over the entries written before the chain began. Hashes are lowercase hex.
/// </summary>
public static class AccessLogChain
{
    public const string Version = "datawijs-access-log-v1";

    /// <summary>
    /// The canonical form, as UTF-8 text of one line per field, in this order:
    /// <c>datawijs-access-log-v1</c>, <c>id=</c>, <c>tenant=</c> (UUIDs lowercase with hyphens),
    /// <c>position=</c> (decimal, <c>-</c> before the chain), <c>previous=</c> (hex, <c>-</c> before the chain),
    /// <c>occurredAt=</c> (UTC, <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>), then <c>subject=</c>, <c>clientId=</c>,
    /// <c>userId=</c>, <c>userRepresentation=</c>, <c>activity=</c>, <c>reason=</c>, <c>action=</c> as
    /// <c>&lt;UTF-8 byte length&gt;:&lt;text&gt;</c> (so no value can pass for another), <c>resourceId=</c>
    /// (UUID); a null value is written <c>-</c>. Every line ends in <c>\n</c>.
    /// </summary>
    public static string CanonicalForm(AccessLogEntryRow entry, long? position, string? previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(512);
        text.Append(Version).Append('\n');
        Line(text, "id", entry.Id.ToString("D"));
        Line(text, "tenant", entry.TenantId.ToString("D"));
        Line(text, "position", position?.ToString(CultureInfo.InvariantCulture) ?? "-");
        Line(text, "previous", previousHash ?? "-");
        Line(text, "occurredAt", entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Counted(text, "subject", entry.SubjectPseudonym);
        Counted(text, "clientId", entry.ClientId);
        Counted(text, "userId", entry.UserId);
        Counted(text, "userRepresentation", entry.UserRepresentation);
        Counted(text, "activity", entry.Activity);
        Counted(text, "reason", entry.Reason);
        Counted(text, "action", entry.Action);
        Line(text, "resourceId", entry.ResourceId?.ToString("D") ?? "-");
        return text.ToString();
    }

    /// <summary>The hash of an entry at a place in the chain, after <paramref name="previousHash"/>.</summary>
    public static string Hash(AccessLogEntryRow entry, long position, string previousHash) =>
        Sha256(CanonicalForm(entry, position, previousHash));

    /// <summary>
    /// The genesis of a tenant's chain: SHA-256 over <c>datawijs-access-log-genesis-v1\n</c>,
    /// <c>tenant=&lt;uuid&gt;\n</c>, <c>preHistory=&lt;count&gt;\n</c> and then, for every entry written before the
    /// chain began (ordered by occurredAt, then id), the hash of its canonical form (position and previous
    /// <c>-</c>) and <c>\n</c>. With no such entries it depends on the tenant alone.
    /// </summary>
    public static string Genesis(Guid tenantId, IEnumerable<AccessLogEntryRow> preHistory)
    {
        ArgumentNullException.ThrowIfNull(preHistory);
        var ordered = Ordered(preHistory).ToList();
        var text = new StringBuilder();
        text.Append("datawijs-access-log-genesis-v1\n");
        Line(text, "tenant", tenantId.ToString("D"));
        Line(text, "preHistory", ordered.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var entry in ordered)
        {
            text.Append(Sha256(CanonicalForm(entry, null, null))).Append('\n');
        }

        return Sha256(text.ToString());
    }

    /// <summary>Pre-history entries in the order the genesis takes them.</summary>
    public static IEnumerable<AccessLogEntryRow> Ordered(IEnumerable<AccessLogEntryRow> preHistory) =>
        preHistory.OrderBy(e => e.OccurredAt.UtcTicks).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal);

    /// <summary>The entry as it is stored in the chain: at <paramref name="position"/> after <paramref name="previousHash"/>.</summary>
    public static AccessLogEntryRow Chained(AccessLogEntryRow entry, long position, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AccessLogEntryRow
        {
            Id = entry.Id,
            TenantId = entry.TenantId,
            SubjectPseudonym = entry.SubjectPseudonym,
            OccurredAt = entry.OccurredAt,
            ClientId = entry.ClientId,
            UserId = entry.UserId,
            UserRepresentation = entry.UserRepresentation,
            Activity = entry.Activity,
            Reason = entry.Reason,
            Action = entry.Action,
            ResourceId = entry.ResourceId,
            ChainPosition = position,
            PreviousHash = previousHash,
            EntryHash = Hash(entry, position, previousHash),
        };
    }

    /// <summary>
    /// Walks one tenant's chain and returns the first break: an entry whose fields no longer match its
    /// hash (changed), one that does not follow the entry before it (changed and re-hashed, or slipped in),
    /// a missing place (deleted), a head that does not match the last entry (the last entries deleted),
    /// or pre-history that no longer matches the genesis.
    /// </summary>
    /// <param name="chained">The tenant's chained entries, ordered by position.</param>
    /// <param name="preHistory">The tenant's entries without a place in the chain.</param>
    public static AccessLogChainReport Verify(Guid tenantId, AccessLogChainHead? head, IEnumerable<AccessLogEntryRow> chained, IReadOnlyCollection<AccessLogEntryRow> preHistory)
    {
        ArgumentNullException.ThrowIfNull(chained);
        ArgumentNullException.ThrowIfNull(preHistory);
        long count = 0;
        AccessLogChainReport Broken(Guid? entryId, long position, string reason) =>
            new(tenantId, count, preHistory.Count, head is not null, head?.EntryHash, new AccessLogBreak(tenantId, entryId, position, reason));

        var genesis = Genesis(tenantId, preHistory);
        var previous = genesis;
        long expected = 1;
        AccessLogEntryRow? last = null;
        foreach (var entry in chained)
        {
            if (head is null)
            {
                return Broken(entry.Id, entry.ChainPosition ?? 0, "the tenant's chain head is missing while chained entries exist");
            }

            if (entry.ChainPosition is not { } position || position < expected)
            {
                return Broken(entry.Id, entry.ChainPosition ?? 0, $"a second entry at position {entry.ChainPosition} (the chain forks)");
            }

            if (position > expected)
            {
                return Broken(entry.Id, expected, position == expected + 1
                    ? $"the entry at position {expected} is missing (deleted); the next entry present is this one at position {position}"
                    : $"the entries at positions {expected} to {position - 1} are missing (deleted); the next entry present is this one at position {position}");
            }

            if (!string.Equals(entry.EntryHash, Hash(entry, position, entry.PreviousHash ?? ""), StringComparison.Ordinal))
            {
                return Broken(entry.Id, position, "its fields no longer match its hash (changed after it was written)");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(entry.Id, position, position == 1
                    ? (string.Equals(entry.PreviousHash, head.GenesisHash, StringComparison.Ordinal)
                        ? $"the {preHistory.Count} entries from before the chain no longer match the genesis sealed when the chain began ({head.PreHistoryCount} entries then)"
                        : "it does not start from the tenant's genesis")
                    : $"its previous hash does not match the entry at position {position - 1} (that entry was changed and re-hashed, or this one was slipped in)");
            }

            previous = entry.EntryHash!;
            last = entry;
            expected++;
            count++;
        }

        if (head is null)
        {
            return new AccessLogChainReport(tenantId, 0, preHistory.Count, false, null, null);
        }

        if (last is null || head.Position != last.ChainPosition || !string.Equals(head.EntryHash, last.EntryHash, StringComparison.Ordinal))
        {
            return Broken(last?.Id, last?.ChainPosition ?? expected, head.Position >= expected
                ? $"the log ends at position {expected - 1} but the chain head says {head.Position}: the last entries are missing (deleted)"
                : $"the chain head (position {head.Position}) does not match the last entry");
        }

        if (!string.Equals(head.GenesisHash, genesis, StringComparison.Ordinal))
        {
            return Broken(last.Id, 1, "the chain head's genesis does not match the entries from before the chain");
        }

        return new AccessLogChainReport(tenantId, count, preHistory.Count, true, head.EntryHash, null);
    }

    private static void Line(StringBuilder text, string name, string value) => text.Append(name).Append('=').Append(value).Append('\n');

    private static void Counted(StringBuilder text, string name, string? value)
    {
        if (value is null)
        {
            Line(text, name, "-");
            return;
        }

        text.Append(name).Append('=').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
