using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.Complete;

public sealed class Endpoint(ScanRepository scans, StoredScores scores, TimeProvider clock) : Endpoint<Request, Scan>
{
    public override void Configure()
    {
        Post("/scans/{scanId}/completion");
        Scopes(Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("completeScan").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Complete a scan: freeze its answers and store its score";
            s.Description = "Needs at least one respondent. The score is computed once, with the pinned model, and stored unrounded; "
                + "it never changes afterwards. Completing again, or any later write, answers 409.";
        });
        Description(b => b.Produces<Scan>(200).ProducesProblems(400, 404, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var scan = await scans.FindAsync(tenant, req.ScanId, ct);
        if (scan is null)
        {
            await Problems.NotFoundAsync(HttpContext, "scan");
            return;
        }

        var model = StoredScans.ModelOf(scan.ModelId);
        var options = new ScoringOptions { Targets = ScanJson.ReadTargets(scan.Targets) };
        var outcome = await scans.CompleteAsync(tenant, scan.Id, clock.GetUtcNow(),
            responses => ScanJson.WriteScore(MaturityScorer.Score(model, responses.Select(StoredScans.ToDomain).ToList(), options)), ct);

        switch (outcome)
        {
            case CompletionOutcome.NotFound:
                await Problems.NotFoundAsync(HttpContext, "scan");
                return;
            case CompletionOutcome.AlreadyCompleted:
                await ScanProblems.CompletedAsync(HttpContext);
                return;
            case CompletionOutcome.NoRespondents:
                await Problems.WriteAsync(HttpContext, 409, "no-respondents", "A scan needs at least one respondent's answers before it can be completed.");
                return;
        }

        await scores.PeersChangedAsync(tenant, ct);
        var completed = (await scans.FindAsync(tenant, scan.Id, ct))!;
        await Send.OkAsync(Scan.From(completed, await scans.ListResponsesAsync(tenant, scan.Id, ct)), ct);
    }
}
