namespace Datawijs.Domain.Datasets;

/// <summary>How a feature's values are measured.</summary>
public enum FeatureType
{
    Categorical,
    Numeric,
}

/// <summary>What a feature may be used for.</summary>
public enum FeatureRole
{
    /// <summary>Takes part in the distance between households.</summary>
    Clustering,

    /// <summary>Only describes a profile afterwards; never in the distance.</summary>
    Descriptive,

    /// <summary>
    /// A characteristic such as migration background: never in the distance, only reported to
    /// check that profiles do not reinforce existing inequality.
    /// </summary>
    Protected,
}

/// <summary>
/// A declared feature of a dataset. Categorical features list their allowed values; numeric
/// features may give a range. Only mutable features are ever suggested as a change in a
/// counterfactual. <paramref name="Label"/> and <paramref name="ValueLabels"/> (per declared value)
/// are what people read instead of the codes ("besteedbaar inkomen" for disposableIncome); without
/// them text falls back to the name and the value.
/// </summary>
public sealed record FeatureDefinition(
    string Name,
    FeatureType Type,
    FeatureRole Role,
    bool Mutable,
    IReadOnlyList<string>? Values = null,
    double? Min = null,
    double? Max = null,
    LocalizedText? Label = null,
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels = null)
{
    public bool InDistance => Role == FeatureRole.Clustering;

    /// <summary>The label in <paramref name="language"/>, falling back to the name.</summary>
    public string LabelIn(Language language) => Label?.In(language) ?? Name;

    /// <summary>The label of one value in <paramref name="language"/>, falling back to the value itself.</summary>
    public string ValueLabelIn(string value, Language language) =>
        ValueLabels is not null && ValueLabels.TryGetValue(value, out var text) ? text.In(language) : value;
}
