using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>What the checks beyond the disclosure gate found for a profile set.</summary>
/// <param name="Fairness">The inequality check of the set's exact description.</param>
/// <param name="Review">The person's review of the set's findings, if any.</param>
/// <param name="Differences">Figures that differ from an earlier publication of the dataset by 1..9 households (drafts only).</param>
/// <param name="Candidate">The set's publication record if it were published now (drafts only).</param>
/// <param name="EarlierPublications">How many publications of the dataset the set was compared with.</param>
/// <param name="Residents">The dataset's reference population (all households of the municipality), for a draft's comparison with all residents; null when none was given.</param>
public sealed record PublicationCheck(
    FairnessCheckResult Fairness,
    FairnessReviewRow? Review,
    IReadOnlyList<DifferenceFinding> Differences,
    PublicationRecord? Candidate,
    int EarlierPublications,
    ReferencePopulation? Residents = null)
{
    /// <summary>
    /// The findings the recorded review did not cover: all of them without a review, and those that appeared
    /// since (the draft's findings can change, e.g. with a lower Fairness:MaximumRatio). A review lifts only
    /// the findings a person saw.
    /// </summary>
    public IReadOnlyList<FairnessFinding> Unreviewed
    {
        get
        {
            if (Review is null)
            {
                return Fairness.Findings;
            }

            var reviewed = StoredJson.Read<List<FairnessFindingView>>(Review.Findings)
                .Select(f => (f.ProfileNumber - 1, f.Feature, f.Value)).ToHashSet();
            return Fairness.Findings.Where(f => !reviewed.Contains((f.Cluster, f.Feature, f.Value))).ToList();
        }
    }
}
