namespace Datawijs.Domain.Maturity;

/// <summary>Options for <see cref="MaturityScorer.Score"/>.</summary>
public sealed record ScoringOptions
{
    public static ScoringOptions Default { get; } = new();

    public RespondentCombination Combination { get; init; } = RespondentCombination.Median;

    /// <summary>Optional target level (1–5) per category id.</summary>
    public IReadOnlyDictionary<string, int> Targets { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
