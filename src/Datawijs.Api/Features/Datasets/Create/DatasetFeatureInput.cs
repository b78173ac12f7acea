namespace Datawijs.Api.Features.Datasets.Create;

/// <summary>A feature to declare.</summary>
public sealed class DatasetFeatureInput
{
    public string? Name { get; set; }

    /// <summary>categorical or numeric.</summary>
    public string? Type { get; set; }

    /// <summary>Categorical: the allowed values.</summary>
    public List<string>? Values { get; set; }

    /// <summary>Numeric: the smallest allowed value.</summary>
    public double? Min { get; set; }

    /// <summary>Numeric: the largest allowed value.</summary>
    public double? Max { get; set; }

    /// <summary>
    /// Numeric: true when the feature only takes whole numbers, such as a number of children. Then a row or an
    /// advice request with a fraction (0.5) is refused. Optional; false (any number) when left out.
    /// </summary>
    public bool? WholeNumber { get; set; }

    /// <summary>
    /// clustering, descriptive or protected; or, for the outflow outcome, duration (numeric: time from the start
    /// to outflow, or to the extract date for a household still in) and event (categorical, with eventValue).
    /// Outcome features never take part in the distance, the profiles, the advice or the counterfactuals.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>Role event only: the declared value that means "left"; any other value means still in (censored).</summary>
    public string? EventValue { get; set; }

    /// <summary>Whether the feature can change (e.g. income yes, age no).</summary>
    public bool? Mutable { get; set; }

    /// <summary>What people read instead of the name, in Dutch (B1) and English, e.g. "besteedbaar inkomen" / "disposable income". Optional: without it texts show the name.</summary>
    public FeatureLabelInput? Label { get; set; }

    /// <summary>Categorical: what people read instead of a declared value, by value, e.g. {"socialAssistance": {"nl": "bijstandsuitkering", "en": "social assistance"}}. Optional, per value; a value without a label is shown as it is.</summary>
    public Dictionary<string, FeatureLabelInput>? ValueLabels { get; set; }

    /// <summary>Numeric: what the numbers count, so that text writes them as people do: euro ("€ 14.500"), years ("35 jaar") or months ("6 maanden"). Optional: without it a number is written plainly ("14.500").</summary>
    public string? Unit { get; set; }

    /// <summary>
    /// Categorical: the sentences a citizen reads about their own value, by value, e.g. {"yes": {"statement": {"nl": "U krijgt jeugdzorg.",
    /// "en": "You receive youth care."}, "condition": {"nl": "u jeugdzorg had gekregen", "en": "you had received youth care"}}}. Optional, per
    /// value; without one a default is written ("U heeft jeugdzorg." for a yes/no feature, "Uw woning is een huurhuis." for another category).
    /// </summary>
    public Dictionary<string, ValuePhraseInput>? Phrases { get; set; }
}
