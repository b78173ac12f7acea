namespace Datawijs.Domain.Explanations;

/// <summary>
/// How a feature is called in citizen-facing text, and optionally how its categories are called
/// (so that "rent_allowance" reads as "huur met huurtoeslag"). Anything missing falls back to the code.
/// </summary>
public sealed record FeatureLabel(LocalizedText Name, IReadOnlyDictionary<string, LocalizedText>? Values = null);

/// <summary>The labels declared with a dataset's features, in the shape <see cref="ProfileSpace"/> takes.</summary>
public static class FeatureLabels
{
    /// <summary>One entry per feature that declares a label or value labels; the others fall back to their codes.</summary>
    public static IReadOnlyDictionary<string, FeatureLabel> Of(IEnumerable<Datasets.FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var labels = new Dictionary<string, FeatureLabel>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (feature.Label is not null || feature.ValueLabels is { Count: > 0 })
            {
                labels[feature.Name] = new FeatureLabel(
                    feature.Label ?? new LocalizedText(feature.Name, feature.Name),
                    feature.ValueLabels is { Count: > 0 } values ? values : null);
            }
        }

        return labels;
    }
}
