using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.ProfileSets;

/// <summary>
/// What the checks beyond the disclosure gate found for a profile set: the inequality check of its exact
/// description, the findings a person reviewed (null while nobody did), and the figures that differ from an
/// earlier publication of the same dataset by 1 to 9 households.
/// </summary>
public sealed record PublicationFindings(FairnessCheckResult Fairness, IReadOnlyCollection<ReviewedFinding>? Reviewed, IReadOnlyList<DifferenceFinding> Differences)
{
    /// <summary>
    /// The findings the review did not cover: all of them without a review, and those that appeared since (a
    /// draft's findings can change, e.g. with a lower maximum ratio). A review lifts only the findings a person saw.
    /// </summary>
    public IReadOnlyList<FairnessFinding> Unreviewed
    {
        get
        {
            if (Reviewed is null)
            {
                return Fairness.Findings;
            }

            var seen = Reviewed.ToHashSet();
            return Fairness.Findings.Where(f => !seen.Contains(new ReviewedFinding(f.Cluster, f.Feature, f.Value))).ToList();
        }
    }

    /// <summary>What the inequality check comes to, the review included.</summary>
    public FairnessOutcome FairnessOutcome =>
        Fairness.CheckedFeatures.Count == 0 ? FairnessOutcome.NoProtectedFeatures
        : Fairness.Findings.Count == 0 ? FairnessOutcome.NoOverRepresentation
        : Reviewed is null || Unreviewed.Count > 0 ? FairnessOutcome.OverRepresentationFound
        : FairnessOutcome.OverRepresentationReviewed;

    /// <summary>Nothing found beyond the gate: no protected feature checked, no review, no earlier publication.</summary>
    public static PublicationFindings None { get; } =
        new(new FairnessCheckResult([], [], [], 0, FairnessCheckOptions.Default), null, []);
}
