namespace Datawijs.Domain.Maturity;

/// <summary>Why a recommendation was chosen, and so where it stands in the list.</summary>
public enum RecommendationReason
{
    /// <summary>The category is below its target level; the largest gap comes first.</summary>
    TargetGap,

    /// <summary>No target gap, but the category scores below the peer median.</summary>
    BelowPeerMedian,

    /// <summary>Neither of the above; the step with the largest expected gain per unit of effort comes first.</summary>
    GainPerEffort,

    /// <summary>The category is at the highest level: advice to keep it there, always last.</summary>
    KeepItUp,
}
