namespace Datawijs.Api.Features.Citizen.AccessLog;

/// <summary>Who used the citizen's data, when, why and what for; newest first (at most the latest 500).</summary>
public sealed class Response
{
    /// <summary>nl or en.</summary>
    [Datawijs.Api.OpenApi.WireValues("nl", "en")]
    public string Language { get; init; } = "nl";

    public IReadOnlyList<AccessLogEntry> Items { get; init; } = [];
}
