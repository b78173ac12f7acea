using System.Globalization;

namespace Datawijs.Domain.Maturity;

/// <summary>Turns a scored scan into next steps, most urgent first.</summary>
public static class MaturityAdvisor
{
    /// <summary>
    /// Gives the advice for the next level of every scored category. Items fall in three groups, in
    /// this order: categories below their target, then categories below the peer median, then the
    /// rest. Within a group the step with the largest expected gain in the overall score per effort
    /// point (small 1, medium 2, large 3) comes first; ties go to the larger gap to target, then the
    /// larger distance below the peer median, the heavier category, the lower score and model order.
    /// A category at the highest level gets a keep-it-up item after all others. Categories without
    /// any answer get no item: the score already lists them as excluded.
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

        var scoredWeight = model.Categories.Where(c => score.Category(c.Id) is { Score: not null }).Sum(c => c.Weight);
        var items = new List<(Recommendation Item, int Order, double Weight)>();
        for (var i = 0; i < model.Categories.Count; i++)
        {
            var category = model.Categories[i];
            if (score.Category(category.Id) is { Score: not null } categoryScore)
            {
                double? median = peerMedians is not null && peerMedians.TryGetValue(category.Id, out var m) ? m : null;
                items.Add((ToRecommendation(model, category, categoryScore, median, scoredWeight), i, category.Weight));
            }
        }

        var ordered = items
            .OrderBy(c => (int)c.Item.Reason)
            .ThenByDescending(c => c.Item.GainPerEffortPoint)
            .ThenByDescending(c => c.Item.Gap ?? 0)
            .ThenByDescending(c => Math.Max(0, c.Item.BelowPeerMedian ?? 0))
            .ThenByDescending(c => c.Weight)
            .ThenBy(c => c.Item.Score)
            .ThenBy(c => c.Order);

        return MaturityModel.Freeze(ordered.Select((c, index) => c.Item with { Rank = index + 1 }));
    }

    private static Recommendation ToRecommendation(MaturityModel model, MaturityCategory category, CategoryScore categoryScore, double? peerMedian, double scoredWeight)
    {
        var score = categoryScore.Score!.Value;
        var level = categoryScore.Level!.Value;
        var belowPeerMedian = peerMedian - score;
        var reason = level == model.HighestLevel ? RecommendationReason.KeepItUp
            : categoryScore.Gap > 0 ? RecommendationReason.TargetGap
            : belowPeerMedian > 0 ? RecommendationReason.BelowPeerMedian
            : RecommendationReason.GainPerEffort;
        var advice = category.AdviceAt(level);
        var categoryGain = reason == RecommendationReason.KeepItUp ? 0 : Math.Max(0, model.Level(level + 1).Threshold - score);
        var expectedGain = categoryGain * category.Weight / scoredWeight;

        var explanation = reason switch
        {
            RecommendationReason.TargetGap => new LocalizedText(
                $"Uw doel is niveau {categoryScore.Target}. De score {Nl(score)} ligt daar {Nl(categoryScore.Gap!.Value)} onder.",
                $"Your target is level {categoryScore.Target}. The score {En(score)} is {En(categoryScore.Gap!.Value)} below it."),
            RecommendationReason.BelowPeerMedian => new LocalizedText(
                $"De score {Nl(score)} ligt {Nl(belowPeerMedian!.Value)} onder de mediaan van vergelijkbare organisaties ({Nl(peerMedian!.Value)}).",
                $"The score {En(score)} is {En(belowPeerMedian!.Value)} below the median of comparable organisations ({En(peerMedian!.Value)})."),
            RecommendationReason.GainPerEffort => new LocalizedText(
                $"Hier is geen doel gemist en u zit niet onder vergelijkbare organisaties. Deze stap is {EffortNl(advice.Effort)} werk. Uw totaalscore gaat er naar verwachting {Nl2(expectedGain)} door omhoog.",
                $"No target is missed here and you are not below comparable organisations. This step is {EffortEn(advice.Effort)} work. It is expected to raise your overall score by {En2(expectedGain)}."),
            _ => new LocalizedText(
                "Deze categorie staat op het hoogste niveau.",
                "This category is at the highest level."),
        };

        return new Recommendation(
            0,
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
            belowPeerMedian,
            advice.Effort,
            categoryGain,
            expectedGain);
    }

    public static string ReasonCode(RecommendationReason reason) => reason switch
    {
        RecommendationReason.TargetGap => "target-gap",
        RecommendationReason.BelowPeerMedian => "below-peer-median",
        RecommendationReason.GainPerEffort => "gain-per-effort",
        _ => "keep-it-up",
    };

    // One decimal is for reading only; the numeric fields keep the unrounded values.
    private static string En(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Nl(double value) => En(value).Replace('.', ',');

    private static string En2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Nl2(double value) => En2(value).Replace('.', ',');

    private static string EffortNl(AdviceEffort effort) => effort switch
    {
        AdviceEffort.Small => "weinig",
        AdviceEffort.Medium => "gemiddeld veel",
        _ => "veel",
    };

    private static string EffortEn(AdviceEffort effort) => effort switch
    {
        AdviceEffort.Small => "little",
        AdviceEffort.Medium => "a fair amount of",
        _ => "a lot of",
    };
}
