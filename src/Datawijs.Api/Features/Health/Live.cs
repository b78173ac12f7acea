using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.Health;

public sealed class Live : EndpointWithoutRequest<HealthStatus>
{
    public override void Configure()
    {
        Get("/health/live");
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Tags("Health");
        Options(b => b.WithOperationId("getLiveness"));
        Summary(s =>
        {
            s.Summary = "The process is up (no dependencies checked)";
            s.Description = "For an orchestrator's liveness probe: 200 while the process runs. It reads no database, so a database outage does not restart the API; use the readiness check for that.";
        });
        Description(b => b.Produces<HealthStatus>(200));
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new HealthStatus(), ct);
}
