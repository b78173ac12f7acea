using Datawijs.Api.Auth;
using Datawijs.Data.AccessLog;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Audit;

/// <summary>
/// Makes access log entries for the current request: who (client, person from the token), when,
/// which processing activity, why (the X-Audit-Toelichting header, else the endpoint's default
/// purpose; always the default for a citizen's own request) and what. Subjects are pseudonymised here, on arrival; the raw identifier goes no further.
/// </summary>
public sealed class AccessLogWriter(AccessLogRepository log, KeyRing keys, TimeProvider clock)
{
    public const string ReasonHeader = "X-Audit-Toelichting";
    public const int MaxReasonLength = 500;

    /// <summary>The stored length of user_id and user_representation (the columns' size).</summary>
    public const int MaxPersonLength = 255;

    /// <summary>The tenant's pseudonym of a subject identifier (keyed HMAC; irreversible without the master key).</summary>
    public string Pseudonymise(Guid tenantId, string subjectId) => keys.PseudonymiserFor(tenantId).Pseudonymise(subjectId);

    public AccessLogEntryRow Entry(HttpContext context, string subjectPseudonym, string action, Guid? resourceId, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>()
            ?? throw new InvalidOperationException("The endpoint is not marked [Audited].");
        var occurredAt = at ?? clock.GetUtcNow();
        return new AccessLogEntryRow
        {
            Id = Guid.CreateVersion7(occurredAt),
            TenantId = caller.TenantId,
            SubjectPseudonym = subjectPseudonym,
            OccurredAt = occurredAt,
            ClientId = caller.ClientId,
            UserId = Person(caller.UserId),
            UserRepresentation = Person(caller.UserRepresentation),
            Activity = audited.Activity,
            // A citizen's own request is logged with the endpoint's reason: the portal that forwards it
            // must not be able to write its own text into the citizen's log.
            Reason = (IsCitizen(context) ? null : ReasonOf(context)) ?? audited.DefaultReason,
            Action = action,
            ResourceId = resourceId,
        };
    }

    /// <summary>Appends the entries now (for reads: before the data is returned).</summary>
    public Task AppendAsync(IReadOnlyList<AccessLogEntryRow> entries, CancellationToken ct) => log.AppendAsync(entries, ct);

    /// <summary>
    /// A token's user_id or user_representation as stored: without control characters (it is shown
    /// to citizens) and at most <see cref="MaxPersonLength"/> characters (a token may carry more).
    /// </summary>
    public static string? Person(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = new string(value.Where(c => !Validation.DisplayText.IsUnsafe(c)).ToArray()).Trim();
        return cleaned.Length > MaxPersonLength ? cleaned[..MaxPersonLength] : cleaned;
    }

    private static bool IsCitizen(HttpContext context) => context.User.HasClaim(c => c.Type == ClaimNames.SubjectPseudonym);

    private static string? ReasonOf(HttpContext context)
    {
        var header = context.Request.Headers[ReasonHeader].ToString();
        // Control characters would break the log's readers; an over-long reason is cut, not refused,
        // so that a read is never lost for want of a shorter explanation.
        var cleaned = new string(header.Where(c => !Validation.DisplayText.IsUnsafe(c)).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        return cleaned.Length > MaxReasonLength ? cleaned[..MaxReasonLength] : cleaned;
    }
}
