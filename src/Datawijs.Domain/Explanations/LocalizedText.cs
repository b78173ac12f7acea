namespace Datawijs.Domain.Explanations;

/// <summary>
/// How a feature is called in citizen-facing text, and optionally how its categories are called
/// (so that "rent_allowance" reads as "huur met huurtoeslag"). Anything missing falls back to the code.
/// </summary>
public sealed record FeatureLabel(LocalizedText Name, IReadOnlyDictionary<string, LocalizedText>? Values = null);
