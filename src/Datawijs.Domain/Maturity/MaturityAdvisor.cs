using System.Globalization;

namespace Datawijs.Domain.Maturity;

/// <summary>Why a recommendation was chosen, and so where it stands in the list.</summary>
public enum RecommendationReason
{
    /// <summary>The category is below its target level; the largest gap comes first.</summary>
    TargetGap,

    /// <summary>No target gap, but the category scores below the peer median.</summary>
    BelowPeerMedian,

    /// <summary>Neither of the above; heavier categories come first.</summary>
    CategoryWeight,

    /// <summary>The category is at the highest level: advice to keep it there, always last.</summary>
    KeepItUp,
}

/// <summary>One next step for a scanned organisation.</summary>
/// <param name="Rank">1 = most urgent.</param>
/// <param name="NextLevel">The level the advice leads to; <c>null</c> for a keep-it-up item.</param>
/// <param name="ReasonCode">Stable kebab-case code of <paramref name="Reason"/> for the API.</param>
/// <param name="Gap">Target − score when a target was set (never below 0).</param>
/// <param name="BelowPeerMedian">Peer median − score when the peer median is known (negative: above the median).</param>
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
    double? BelowPeerMedian);

/// <summary>Turns a scored scan into next steps, most urgent first.</summary>
public static class MaturityAdvisor
{
    /// <summary>
    /// Gives the advice for the next level of every scored category, ordered by: gap to target
    /// (largest first), then distance below the peer median (largest first), then category weight
    /// (heaviest first), then lowest score, then model order. A category at the highest level gets
    /// a keep-it-up item after all others. Categories without any answer get no item: the score
    /// already lists them as excluded.
    /// </summary>
    /// <param name="peerMedians">Peer median per category id, e.g. <see cref="PeerBenchmark.PeerMedians"/>; null or missing when withheld.</param>
    public static IReadOnlyList<Recommendation> Recommend(MaturityModel model, ScanScore score, IReadOnlyDictionary<string, double>? peerMedians = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(score);
        if (!string.Equals(model.Id, score.ModelId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The score was made with model '{score.ModelId}', not '{model.Id}'.", nameof(score));
        }

        var candidates = new List<(MaturityCategory Category, int Order, CategoryScore Score, double? PeerMedian)>();
        for (var i = 0; i < model.Categories.Count; i++)
        {
            var category = model.Categories[i];
            if (score.Category(category.Id) is { Score: not null } categoryScore)
            {
                double? median = peerMedians is not null && peerMedians.TryGetValue(category.Id, out var m) ? m : null;
                candidates.Add((category, i, categoryScore, median));
            }
        }

        var ordered = candidates
            .OrderBy(c => c.Score.Level == model.HighestLevel ? 1 : 0)
            .ThenByDescending(c => c.Score.Gap ?? 0)
            .ThenByDescending(c => Math.Max(0, (c.PeerMedian ?? double.NegativeInfinity) - c.Score.Score!.Value))
            .ThenByDescending(c => c.Category.Weight)
            .ThenBy(c => c.Score.Score)
            .ThenBy(c => c.Order);

        return MaturityModel.Freeze(ordered.Select((c, index) => ToRecommendation(model, index + 1, c.Category, c.Score, c.PeerMedian)));
    }

    private static Recommendation ToRecommendation(MaturityModel model, int rank, MaturityCategory category, CategoryScore categoryScore, double? peerMedian)
    {
        var score = categoryScore.Score!.Value;
        var level = categoryScore.Level!.Value;
        var belowPeerMedian = peerMedian - score;
        var reason = level == model.HighestLevel ? RecommendationReason.KeepItUp
            : categoryScore.Gap > 0 ? RecommendationReason.TargetGap
            : belowPeerMedian > 0 ? RecommendationReason.BelowPeerMedian
            : RecommendationReason.CategoryWeight;
        var advice = category.AdviceAt(level);

        var explanation = reason switch
        {
            RecommendationReason.TargetGap => new LocalizedText(
                $"Uw doel is niveau {categoryScore.Target}. De score {Nl(score)} ligt daar {Nl(categoryScore.Gap!.Value)} onder.",
                $"Your target is level {categoryScore.Target}. The score {En(score)} is {En(categoryScore.Gap!.Value)} below it."),
            RecommendationReason.BelowPeerMedian => new LocalizedText(
                $"De score {Nl(score)} ligt {Nl(belowPeerMedian!.Value)} onder de mediaan van vergelijkbare organisaties ({Nl(peerMedian!.Value)}).",
                $"The score {En(score)} is {En(belowPeerMedian!.Value)} below the median of comparable organisations ({En(peerMedian!.Value)})."),
            RecommendationReason.CategoryWeight => new LocalizedText(
                $"Geen doel gemist en niet onder vergelijkbare organisaties. Volgorde op gewicht van de categorie ({Nl(category.Weight)}).",
                $"No target missed and not below comparable organisations. Ordered by the weight of the category ({En(category.Weight)})."),
            _ => new LocalizedText(
                "Deze categorie staat op het hoogste niveau.",
                "This category is at the highest level."),
        };

        return new Recommendation(
            rank,
            category.Id,
            category.Name,
            score,
            level,
            reason == RecommendationReason.KeepItUp ? null : level + 1,
            advice.Id,
            advice.Text,
            reason,
            ReasonCode(reason),
            explanation,
            categoryScore.Target,
            categoryScore.Gap,
            peerMedian,
            belowPeerMedian);
    }

    public static string ReasonCode(RecommendationReason reason) => reason switch
    {
        RecommendationReason.TargetGap => "target-gap",
        RecommendationReason.BelowPeerMedian => "below-peer-median",
        RecommendationReason.CategoryWeight => "category-weight",
        _ => "keep-it-up",
    };

    // One decimal is for reading only; the numeric fields keep the unrounded values.
    private static string En(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Nl(double value) => En(value).Replace('.', ',');
}
