namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// Advice for a person, never a decision. While the subject's objection is open (status
/// contested) or after it was upheld (status withdrawn) the advice fields are null: the advice is not given.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; init; }

    /// <summary>advice, decided, contested or withdrawn.</summary>
    [Datawijs.Api.OpenApi.WireValues("advice", "decided", "contested", "withdrawn")]
    public string Status { get; init; } = AssignmentStatuses.Advice;

    /// <summary>The published profile set the advice was made with.</summary>
    public Guid ProfileSetId { get; init; }

    /// <summary>The advised profile: the nearest one. Null while contested or withdrawn.</summary>
    public Guid? ProfileId { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>The distance to every profile, nearest first.</summary>
    public IReadOnlyList<ProfileDistanceView>? Distances { get; init; }

    /// <summary>Distance to the next profile minus distance to the advised one (squared standardised units), two decimals, never below 0.</summary>
    public double? Margin { get; init; }

    /// <summary>Margin divided by the distance to the next profile, 0 to 1, two decimals.</summary>
    public double? RelativeMargin { get; init; }

    /// <summary>True when the exact margin is small: relative margin below 0.1 or margin below 0.1 (see docs/transparency.md).</summary>
    public bool? Uncertain { get; init; }

    /// <summary>The per-feature terms of the distance to the advised profile, largest exact term first (see docs/transparency.md: two decimals, against the published centres).</summary>
    public IReadOnlyList<ContributionView>? Contributions { get; init; }

    /// <summary>Verified smallest changes in mutable features that give another profile; empty when none exists.</summary>
    public IReadOnlyList<CounterfactualView>? Counterfactuals { get; init; }

    /// <summary>The explanation in plain language (Dutch B1, or English on Accept-Language: en).</summary>
    public AssignmentExplanation? Explanation { get; init; }

    /// <summary>That this is advice and a person decides, and, separately, the right to object.</summary>
    public AdviceNotice Notice { get; init; } = new();

    /// <summary>The case worker's own decision; null until made.</summary>
    public AssignmentDecisionView? Decision { get; init; }

    /// <summary>The subject's latest objection, if any.</summary>
    public ObjectionState? Objection { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
