namespace Datawijs.Domain.Datasets;

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

    /// <summary>
    /// Outcome: the time from the start to outflow, or to the extract date for households still in
    /// (numeric, never negative or missing). Never in the distance, the description, the advice or a
    /// counterfactual; only used for the time to outflow.
    /// </summary>
    Duration,

    /// <summary>
    /// Outcome: whether the household left (its declared <see cref="FeatureDefinition.EventValue"/>) or is
    /// still in (any other value: censored). Never in the distance, the description, the advice or a counterfactual.
    /// </summary>
    Event,
}
