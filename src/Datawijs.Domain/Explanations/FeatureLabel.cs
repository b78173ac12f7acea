namespace Datawijs.Domain.Explanations;

/// <summary>
/// How a feature is called in citizen-facing text, and optionally how its categories are called
/// (so that "rent_allowance" reads as "huur met huurtoeslag"), what its numbers count
/// (<see cref="Datasets.FeatureUnits"/>) and the sentences per value. Anything missing falls back to the
/// code or to the defaults of <see cref="FeaturePhrases"/>.
/// </summary>
public sealed record FeatureLabel(
    LocalizedText Name,
    IReadOnlyDictionary<string, LocalizedText>? Values = null,
    string? Unit = null,
    IReadOnlyDictionary<string, Datasets.ValuePhrase>? Phrases = null);
