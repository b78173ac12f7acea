using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.ProfileSets;

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
    /// <summary>The findings as the domain weighs them: the inequality check, what the person reviewed, and the differences.</summary>
    public PublicationFindings Findings => new(
        Fairness,
        Review is null ? null : StoredJson.Read<List<FairnessFindingView>>(Review.Findings).Select(f => new ReviewedFinding(f.ProfileNumber - 1, f.Feature, f.Value)).ToList(),
        Differences);

    /// <summary>The findings the recorded review did not cover (see <see cref="PublicationFindings.Unreviewed"/>).</summary>
    public IReadOnlyList<FairnessFinding> Unreviewed => Findings.Unreviewed;
}
