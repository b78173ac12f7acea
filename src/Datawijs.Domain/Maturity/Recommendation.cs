namespace Datawijs.Domain.Maturity;

/// <summary>One next step for a scanned organisation.</summary>
/// <param name="Rank">1 = most urgent.</param>
/// <param name="NextLevel">The level the advice leads to; <c>null</c> for a keep-it-up item.</param>
/// <param name="ReasonCode">Stable kebab-case code of <paramref name="Reason"/> for the API.</param>
/// <param name="Gap">Target − score when a target was set (never below 0).</param>
/// <param name="BelowPeerMedian">Peer median − score when the peer median is known (negative: above the median).</param>
/// <param name="Effort">How much work the step takes, from the model.</param>
/// <param name="CategoryGain">How far the category score rises when the step brings it to the next level's threshold; 0 for keep-it-up.</param>
/// <param name="ExpectedGain">
/// How far the overall score rises with that: <paramref name="CategoryGain"/> × the category's weight ÷ the weights of all
/// scored categories; 0 for keep-it-up.
/// </param>
public sealed record Recommendation(
    int Rank,
    string CategoryId,
    LocalizedText CategoryName,
    double Score,
    int Level,
    int? NextLevel,
    string AdviceId,
    LocalizedText Advice,
    RecommendationReason Reason,
    string ReasonCode,
    LocalizedText Explanation,
    int? Target,
    double? Gap,
    double? PeerMedian,
    double? BelowPeerMedian,
    AdviceEffort Effort,
    double CategoryGain,
    double ExpectedGain)
{
    /// <summary>The expected gain in the overall score per effort point (small 1, medium 2, large 3).</summary>
    public double GainPerEffortPoint => ExpectedGain / (int)Effort;
}
