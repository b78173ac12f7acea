namespace Datawijs.Domain.ProfileSets;

/// <summary>What the inequality check of a profile set comes to.</summary>
public enum FairnessOutcome
{
    /// <summary>The dataset declares no protected categorical feature: there was nothing to check.</summary>
    NoProtectedFeatures,

    /// <summary>No protected group is over-represented in any profile.</summary>
    NoOverRepresentation,

    /// <summary>A group is over-represented and a person has not reviewed every such finding: blocks publication.</summary>
    OverRepresentationFound,

    /// <summary>A group is over-represented and a person reviewed every finding.</summary>
    OverRepresentationReviewed,
}
