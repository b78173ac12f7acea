namespace Datawijs.Api.Features.Scans.GetRecommendations;

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
