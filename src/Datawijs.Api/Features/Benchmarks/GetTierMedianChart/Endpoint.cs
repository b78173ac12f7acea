using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Benchmarks.GetTierMedianChart;

public sealed class Endpoint(StoredScores scores) : Endpoint<Get.Request>
{
    public const string ContentType = "image/svg+xml";

    public override void Configure()
    {
        Get("/benchmarks/tier-medians.svg");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Benchmarks");
        Options(b => b.WithOperationId("getBenchmarkTierMedianChart"));
        Summary(s =>
        {
            s.Summary = "Get the tier medians of a peer group per category as a chart (SVG)";
            s.Description = "The `tierMedians` of `GET /benchmarks` drawn as one row per category on the scale 1–5, with a marker per tier "
                + "(Volgers a circle, Middenmoters a diamond, Voorlopers a square), a legend, and a title and description that repeat every "
                + "figure for screen readers. Withheld figures are left out and say so. 700 wide.";
        });
        Description(b => b.Produces<string>(200, ContentType).ProducesProblems(400));
    }

    public override async Task HandleAsync(Get.Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        var model = StoredScans.ModelOf(req.ModelId!);
        var group = req.Group is null ? PeerGroup.All : PeerGroup.Find(req.Group)!;
        var benchmark = await scores.BenchmarkAsync(model, group, HttpContext.Caller().TenantId, ct);
        await Send.StringAsync(TierMedianChart.Render(model, benchmark, language), 200, ContentType, ct);
    }
}
