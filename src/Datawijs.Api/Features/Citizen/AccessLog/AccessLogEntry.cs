namespace Datawijs.Api.Features.Citizen.AccessLog;

public sealed class AccessLogEntry
{
    public DateTimeOffset At { get; init; }

    /// <summary>The organisation (tenant) that processed the data.</summary>
    public string Organisation { get; init; } = "";

    /// <summary>The application (client) that called the API, by its registered name where it has one; for the citizen's own reads, the portal they used.</summary>
    public string Application { get; init; } = "";

    /// <summary>The person, as the application represents them (e.g. a case worker's name); null when no person was involved.</summary>
    public string? Person { get; init; }

    /// <summary>The processing activity, in words.</summary>
    public string Activity { get; init; } = "";

    /// <summary>Why the data was used.</summary>
    public string Reason { get; init; } = "";

    /// <summary>What was done, in words.</summary>
    public string Action { get; init; } = "";

    /// <summary>What was done, as a stable code (e.g. assignment.create).</summary>
    public string ActionCode { get; init; } = "";
}
