using Datawijs.Api.Auth;
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
            s.Description = "Per scored category the advice to reach its next level, ordered by the gap to the target, then the distance "
                + "below the peer median, then the category's weight; each item says why it stands where it stands.";
        });
        Description(b => b.Produces<RecommendationList>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (await CompletedScans.LoadAsync(HttpContext, scores, Caller.From(User).TenantId, req.ScanId, ct) is not { } scan)
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

    /// <summary>Why the item stands here: target-gap, below-peer-median, category-weight or keep-it-up.</summary>
    [Datawijs.Api.OpenApi.WireValues("target-gap", "below-peer-median", "category-weight", "keep-it-up")]
    public string Reason { get; init; } = "";

    /// <summary>The reason in words.</summary>
    public string Explanation { get; init; } = "";

    public int? Target { get; init; }

    public double? Gap { get; init; }

    /// <summary>The peer group's median score of the category, when shown.</summary>
    public double? PeerMedian { get; init; }
}
