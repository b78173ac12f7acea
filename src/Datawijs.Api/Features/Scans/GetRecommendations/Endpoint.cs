using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetRecommendations;

public sealed class Endpoint(StoredScores scores) : Endpoint<Request, RecommendationList>
{
    public override void Configure()
    {
        Get("/scans/{scanId}/recommendations");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("getScanRecommendations"));
        Summary(s =>
        {
            s.Summary = "Get the next steps for a completed scan, most urgent first";
            s.Description = "Per scored category the advice to reach its next level, with the effort of the step (from the model) and the "
                + "expected gain in the overall score. Categories below their target come first, then those below the peer median, then the "
                + "rest; within each group the largest expected gain per effort point (small 1, medium 2, large 3) first. Each item says why "
                + "it stands where it stands.";
        });
        Description(b => b.Produces<RecommendationList>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (await CompletedScans.LoadAsync(HttpContext, scores, HttpContext.Caller().TenantId, req.ScanId, ct) is not { } scan)
        {
            return;
        }

        var benchmark = await scores.BenchmarkAsync(scan.Model, req.PeerGroup, scan.Row.TenantId, ct);
        var items = MaturityAdvisor.Recommend(scan.Model, scan.Score, benchmark.PeerMedians);
        await Send.OkAsync(new RecommendationList
        {
            ScanId = scan.Row.Id,
            PeerGroup = PeerGroupView.From(benchmark.Group, language),
            Items = items.Select(r => new RecommendationView
            {
                Rank = r.Rank,
                CategoryId = r.CategoryId,
                CategoryName = r.CategoryName.In(language),
                Score = r.Score,
                Level = r.Level,
                NextLevel = r.NextLevel,
                AdviceId = r.AdviceId,
                Advice = r.Advice.In(language),
                Reason = r.ReasonCode,
                Explanation = r.Explanation.In(language),
                Target = r.Target,
                Gap = r.Gap,
                PeerMedian = r.PeerMedian,
                Effort = CategoryAdvice.EffortId(r.Effort),
                CategoryGain = r.CategoryGain,
                ExpectedGain = r.ExpectedGain,
            }).ToList(),
        }, ct);
    }
}
