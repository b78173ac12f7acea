using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>A declared feature of a dataset.</summary>
public sealed class DatasetFeature
{
    /// <summary>The column name in uploads (CSV header / NDJSON member).</summary>
    public string Name { get; init; } = "";

    /// <summary>categorical or numeric.</summary>
    [Datawijs.Api.OpenApi.WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";

    /// <summary>The allowed values of a categorical feature.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The smallest allowed value of a numeric feature.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed value of a numeric feature.</summary>
    public double? Max { get; init; }

    /// <summary>Numeric: true when only whole numbers are accepted (a count, such as a number of children).</summary>
    public bool WholeNumber { get; init; }

    /// <summary>clustering (in the distance), descriptive (describes profiles only), protected (only checked for reinforced inequality), or the outflow outcome: duration (numeric) and event (categorical), used only for the time to outflow.</summary>
    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected", "duration", "event")]
    public string Role { get; init; } = "";

    /// <summary>Role event: the declared value that means "left"; any other value means still in (censored).</summary>
    public string? EventValue { get; init; }

    /// <summary>Whether the feature can change (only mutable features are suggested in counterfactuals).</summary>
    public bool Mutable { get; init; }

    /// <summary>What people read instead of the name (nl and en); null when none was declared, and texts then show the name.</summary>
    public FeatureLabelText? Label { get; init; }

    /// <summary>Categorical: what people read instead of a declared value, by value; null when none was declared (a value without a label is shown as it is).</summary>
    public IReadOnlyDictionary<string, FeatureLabelText>? ValueLabels { get; init; }

    /// <summary>Numeric: euro, years or months (how numbers are written for people); null when none was declared.</summary>
    [Datawijs.Api.OpenApi.WireValues("euro", "years", "months")]
    public string? Unit { get; init; }

    /// <summary>Categorical: the sentences a citizen reads about their own value, by value; null when none were declared (defaults are used).</summary>
    public IReadOnlyDictionary<string, ValuePhraseText>? Phrases { get; init; }

    public FeatureDefinition ToDomain() =>
        new(
            Name, FeatureNames.TypeFrom(Type), FeatureNames.RoleFrom(Role), Mutable, Type == "categorical" ? Values : null, Min, Max,
            Label?.ToDomain(),
            Type == "categorical" && ValueLabels is { Count: > 0 } labels
                ? labels.ToDictionary(kv => kv.Key, kv => kv.Value.ToDomain(), StringComparer.Ordinal)
                : null,
            Role == "event" ? EventValue : null,
            Unit: Type == "numeric" ? Unit : null,
            Phrases: Type == "categorical" && Phrases is { Count: > 0 } phrases
                ? phrases.ToDictionary(kv => kv.Key, kv => new ValuePhrase(kv.Value.Statement.ToDomain(), kv.Value.Condition.ToDomain()), StringComparer.Ordinal)
                : null,
            WholeNumber: Type == "numeric" && WholeNumber);

    public static DatasetFeature From(FeatureDefinition feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return new DatasetFeature
        {
            Name = feature.Name,
            Type = FeatureNames.Of(feature.Type),
            Values = feature.Values,
            Min = feature.Min,
            Max = feature.Max,
            WholeNumber = feature.WholeNumber,
            Role = FeatureNames.Of(feature.Role),
            Mutable = feature.Mutable,
            Label = FeatureLabelText.From(feature.Label),
            ValueLabels = feature.ValueLabels?.ToDictionary(kv => kv.Key, kv => FeatureLabelText.From(kv.Value)!, StringComparer.Ordinal),
            EventValue = feature.EventValue,
            Unit = feature.Unit,
            Phrases = feature.Phrases?.ToDictionary(
                kv => kv.Key,
                kv => new ValuePhraseText { Statement = FeatureLabelText.From(kv.Value.Statement)!, Condition = FeatureLabelText.From(kv.Value.Condition)! },
                StringComparer.Ordinal),
        };
    }
}
