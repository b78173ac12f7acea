namespace Datawijs.Api.Audit;

/// <summary>
/// Marks an endpoint that reads or writes a subject's data. It accepts the ZGW
/// <c>X-Audit-Toelichting</c> header (why the data is processed); without it, the access log
/// records <see cref="DefaultReason"/>, the endpoint's default purpose.
/// </summary>
/// <param name="activity">The processing activity (verwerkingsactiviteit), one of <see cref="ProcessingActivities"/>.</param>
/// <param name="defaultReason">The purpose recorded when the caller sends no reason (Dutch, shown to the citizen).</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuditedAttribute(string activity, string defaultReason) : Attribute
{
    public string Activity { get; } = activity;

    public string DefaultReason { get; } = defaultReason;
}

/// <summary>The processing activities of the transparency part, as recorded in the access log.</summary>
public static class ProcessingActivities
{
    /// <summary>Advice on a fitting profile for a client, and the case worker's decision on it.</summary>
    public const string ProfileAdvice = "profile-advice";

    /// <summary>Handling a citizen's objection to the use of a profile.</summary>
    public const string ObjectionHandling = "objection-handling";

    /// <summary>The citizen looks at their own data through the portal.</summary>
    public const string CitizenAccess = "citizen-access";

    /// <summary>Making profiles from pseudonymised records (uploads and clusterings); not logged per record.</summary>
    public const string ProfileMaking = "profile-making";
}

/// <summary>What was done, as recorded in the access log (codes; the citizen sees them in words).</summary>
public static class AuditActions
{
    public const string AssignmentCreate = "assignment.create";
    public const string AssignmentRead = "assignment.read";
    public const string DecisionCreate = "decision.create";
    public const string ExplanationRead = "explanation.read";
    public const string AccessLogRead = "accessLog.read";
    public const string DataProcessingRead = "dataProcessing.read";
    public const string ObjectionCreate = "objection.create";
    public const string ObjectionRead = "objection.read";
    public const string ObjectionReview = "objection.review";
}
