namespace Datawijs.Api.Features.Health;

public sealed class HealthStatus
{
    /// <summary>"ok" when healthy.</summary>
    public string Status { get; init; } = "ok";
}
