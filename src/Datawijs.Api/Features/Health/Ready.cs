using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using FastEndpoints;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Datawijs.Api.Features.Health;

/// <summary>Runs the readiness checks (<see cref="DatabaseHealthCheck"/>) of the framework's health-check service.</summary>
public sealed class Ready(HealthCheckService health) : EndpointWithoutRequest<HealthStatus>
{
    public override void Configure()
    {
        Get("/health/ready");
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Tags("Health");
        Options(b => b.WithOperationId("getReadiness"));
        Summary(s =>
        {
            s.Summary = "The API can serve requests: the database answers";
            s.Description = "503 when the database cannot be reached or read, or (SQLite) when another process has held its write lock for more than "
                + "2 seconds, so that writes would wait and fail. While this process itself is writing (a large upload), the database only has to answer a read.";
        });
        Description(b => b.Produces<HealthStatus>(200).ProducesProblems(503));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag), ct);
        if (report.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
        {
            HttpContext.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(HttpContext, StatusCodes.Status503ServiceUnavailable, "database-unavailable", "The database does not answer.");
            return;
        }

        await Send.OkAsync(new HealthStatus(), ct);
    }
}
