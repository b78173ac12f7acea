using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetRadarChart;

public sealed class Endpoint(StoredScores scores) : Endpoint<Request>
{
    public const string ContentType = "image/svg+xml";

    public override void Configure()
    {
        Get("/scans/{scanId}/radar.svg");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("getScanRadarChart"));
        Summary(s =>
        {
            s.Summary = "Get a completed scan as a radar chart (SVG)";
            s.Description = "Seven axes, the scan, the peer median of the chosen group (when shown) and the targets, with a legend and "
                + "a title and description for screen readers. 600 × 600.";
        });
        Description(b => b.Produces<string>(200, ContentType).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (await CompletedScans.LoadAsync(HttpContext, scores, HttpContext.Caller().TenantId, req.ScanId, ct) is not { } scan)
        {
            return;
        }

        var benchmark = await scores.BenchmarkAsync(scan.Model, req.PeerGroup, scan.Row.TenantId, ct);
        var svg = RadarChart.Render(scan.Model, scan.Score, language, benchmark.Withheld ? null : benchmark.PeerMedians);
        await Send.StringAsync(svg, 200, ContentType, ct);
    }
}
