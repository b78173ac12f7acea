namespace Datawijs.Domain.Explanations;

/// <summary>The labels, units and phrases declared with a dataset's features, in the shape <see cref="ProfileSpace"/> takes.</summary>
public static class FeatureLabels
{
    /// <summary>One entry per feature that declares a label or value labels; the others fall back to their codes.</summary>
    public static IReadOnlyDictionary<string, FeatureLabel> Of(IEnumerable<Datasets.FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var labels = new Dictionary<string, FeatureLabel>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (feature.Label is not null || feature.ValueLabels is { Count: > 0 } || feature.Unit is not null || feature.Phrases is { Count: > 0 })
            {
                labels[feature.Name] = new FeatureLabel(
                    feature.Label ?? new LocalizedText(feature.Name, feature.Name),
                    feature.ValueLabels is { Count: > 0 } values ? values : null,
                    feature.Unit,
                    feature.Phrases is { Count: > 0 } phrases ? phrases : null);
            }
        }

        return labels;
    }
}
