using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetScore;

public sealed class Endpoint(ScanRepository scans) : Endpoint<Request, ScanScoreReport>
{
    public override void Configure()
    {
        Get("/scans/{scanId}/score");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("getScanScore"));
        Summary(s =>
        {
            s.Summary = "Get the stored score of a completed scan";
            s.Description = "Per category: score, level, answered share, agreement between respondents, target and gap; the overall score; "
                + "the peer tier and percentile in the chosen group (withheld below 5 organisations); and progress since the first completed scan "
                + "of the same organisation and model. Numbers are unrounded.";
        });
        Description(b => b.Produces<ScanScoreReport>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = Caller.From(User).TenantId;
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (await CompletedScans.LoadAsync(HttpContext, scans, tenant, req.ScanId, ct) is not { } scan)
        {
            return;
        }

        var benchmark = await Benchmarking.ComputeAsync(scans, scan.Model, req.PeerGroup, ct);
        var baseline = (await scans.CompletedForOrganisationAsync(tenant, scan.Row.OrganisationId, ct))
            .Where(s => s.ModelId == scan.Row.ModelId && s.Id != scan.Row.Id && s.CompletedAt < scan.Row.CompletedAt)
            .FirstOrDefault();
        (CompletedScanRow, ScoreProgress)? progress = baseline is not null
            && ScoreProgress.Between(ScanJson.ReadScore(baseline.Score), scan.Score) is { } p
            ? (baseline, p)
            : null;

        await Send.OkAsync(ScoreReports.Build(scan.Model, scan.Row, scan.Score, benchmark, progress, language), ct);
    }
}
