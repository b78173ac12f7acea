using System.Text.Json;
using Datawijs.Api.Auth;
using Datawijs.Api.Configuration;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetScore;

public sealed class Endpoint(StoredScores scores) : Endpoint<Request, ScanScoreReport>
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
                + "the peer tier and percentile among other tenants' organisations in the chosen group (never the caller's own; withheld, "
                + "count included, below 5 of them or 3 other tenants; the percentile as the quartile band of the published quartiles: 12.5, 37.5, 50, 62.5 or 87.5); and progress since the first completed "
                + "scan of the same organisation and model. `roles` gives the scan per respondent role (respondents of a role combined as "
                + "the scan combines them), the agreement between roles per category and overall (1 − σ/2 over the role scores), and a note "
                + "where roles lie a level (1.0) or more apart. The scan's own numbers are unrounded.";
        });
        Description(b => b.Produces<ScanScoreReport>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (await CompletedScans.LoadAsync(HttpContext, scores, tenant, req.ScanId, ct) is not { } scan)
        {
            return;
        }

        var roles = await scores.RolesAsync(scan, ct);
        var report = await scores.ReportAsync(scan, req.PeerGroup, language, (benchmark, progress) =>
            JsonSerializer.SerializeToUtf8Bytes(ScoreReports.Build(scan.Model, scan.Row, scan.Score, benchmark, progress, language, roles), JsonDefaults.Responses), ct);
        HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        HttpContext.Response.ContentType = "application/json; charset=utf-8";
        HttpContext.Response.ContentLength = report.Length;
        await HttpContext.Response.Body.WriteAsync(report, ct);
    }
}
