using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
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

public sealed class RecommendationList
{
    public Guid ScanId { get; init; }

    /// <summary>The group whose medians were used; medians of a withheld group are not used.</summary>
    public PeerGroupView PeerGroup { get; init; } = new();

    public IReadOnlyList<RecommendationView> Items { get; init; } = [];
}

public sealed class RecommendationView
{
    /// <summary>1 = most urgent.</summary>
    public int Rank { get; init; }

    public string CategoryId { get; init; } = "";

    public string CategoryName { get; init; } = "";

    public double Score { get; init; }

    public int Level { get; init; }

    /// <summary>The level the advice leads to; null when the category is at the highest level.</summary>
    public int? NextLevel { get; init; }

    public string AdviceId { get; init; } = "";

    public string Advice { get; init; } = "";

    /// <summary>Why the item stands here: target-gap, below-peer-median, gain-per-effort or keep-it-up.</summary>
    [Datawijs.Api.OpenApi.WireValues("target-gap", "below-peer-median", "gain-per-effort", "keep-it-up")]
    public string Reason { get; init; } = "";

    /// <summary>The reason in words.</summary>
    public string Explanation { get; init; } = "";

    public int? Target { get; init; }

    public double? Gap { get; init; }

    /// <summary>The peer group's median score of the category, when shown.</summary>
    public double? PeerMedian { get; init; }

    /// <summary>How much work the step takes, from the model: small, medium or large.</summary>
    [Datawijs.Api.OpenApi.WireValues("small", "medium", "large")]
    public string Effort { get; init; } = "";

    /// <summary>How far the category score rises when the step brings it to the next level's threshold (unrounded); 0 for keep-it-up.</summary>
    public double CategoryGain { get; init; }

    /// <summary>
    /// The expected gain in the overall score: categoryGain × the category's weight ÷ the weights of all scored categories
    /// (unrounded); 0 for keep-it-up.
    /// </summary>
    public double ExpectedGain { get; init; }
}
