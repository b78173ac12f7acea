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
