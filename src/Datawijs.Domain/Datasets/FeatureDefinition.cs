namespace Datawijs.Domain.Datasets;

/// <summary>
/// A declared feature of a dataset. Categorical features list their allowed values; numeric
/// features may give a range. Only mutable features are ever suggested as a change in a
/// counterfactual. <paramref name="Label"/> and <paramref name="ValueLabels"/> (per declared value)
/// are what people read instead of the codes ("besteedbaar inkomen" for disposableIncome); without
/// them text falls back to the name and the value. An outflow outcome is a numeric feature with role
/// <see cref="FeatureRole.Duration"/> (with its <paramref name="DurationUnit"/>) and a categorical one with
/// role <see cref="FeatureRole.Event"/> whose <paramref name="EventValue"/> means "left".
/// <paramref name="Unit"/> (numeric: <see cref="FeatureUnits"/>)
/// and <paramref name="Phrases"/> (categorical, per declared value) say how a citizen's value is written in a
/// sentence; without them <see cref="Explanations.FeaturePhrases"/> writes a default per kind of feature.
/// A numeric feature with <paramref name="WholeNumber"/> (a count, such as the number of children) only takes whole
/// numbers: uploads and advice requests with a fraction are refused, and a counterfactual changes it in whole steps.
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
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels = null,
    string? EventValue = null,
    DurationUnit? DurationUnit = null,
    string? Unit = null,
    IReadOnlyDictionary<string, ValuePhrase>? Phrases = null,
    bool WholeNumber = false)
{
    public bool InDistance => Role == FeatureRole.Clustering;

    /// <summary>
    /// Duration or event of an outflow outcome: such a feature never enters the clustering matrix, so it
    /// never takes part in the distance, the profile descriptions, the advice or the counterfactuals.
    /// </summary>
    public bool IsOutcome => Role is FeatureRole.Duration or FeatureRole.Event;

    /// <summary>False only for a fraction given to a numeric feature declared as a whole number.</summary>
    public bool Accepts(double number) => !WholeNumber || Type != FeatureType.Numeric || !double.IsFinite(number) || number == Math.Floor(number);

    /// <summary>The label in <paramref name="language"/>, falling back to the name.</summary>
    public string LabelIn(Language language) => Label?.In(language) ?? Name;

    /// <summary>The label of one value in <paramref name="language"/>, falling back to the value itself.</summary>
    public string ValueLabelIn(string value, Language language) =>
        ValueLabels is not null && ValueLabels.TryGetValue(value, out var text) ? text.In(language) : value;
}
