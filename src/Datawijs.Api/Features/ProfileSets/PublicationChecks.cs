using Datawijs.Api.Configuration;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.Datasets;
using Datawijs.Api.Features.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.ProfileSets;
using PublicationBlocker = Datawijs.Api.Features.ProfileSets.Views.PublicationBlocker;
using Lifecycle = Datawijs.Domain.ProfileSets.ProfileSet;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// The checks a profile set must pass besides the disclosure gate: the inequality check (a person must
/// review what it finds) and differencing with every earlier publication of the same dataset.
/// </summary>
public sealed class PublicationChecks(ProfileHistoryRepository history, DatasetRepository datasets, FairnessSettings settings, TimeProvider clock)
{
    /// <summary>The checks of a stored set as it stands now.</summary>
    public Task<PublicationCheck> RunAsync(ProfileSetRow set, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);

        // The profiles' names do not enter these checks, only the set's exact description and its gate outcome.
        return RunAsync(set, ProfileSetRows.Lifecycle(set, []), clock.GetUtcNow(), ct);
    }

    /// <summary>The checks of <paramref name="lifecycle"/> (stored as <paramref name="set"/>) if it were published at <paramref name="at"/>.</summary>
    public async Task<PublicationCheck> RunAsync(ProfileSetRow set, Lifecycle lifecycle, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(lifecycle);
        var fairness = FairnessCheck.Run(lifecycle.Description, settings.Options);
        var review = await history.FindReviewAsync(set.TenantId, set.Id, ct);
        if (lifecycle.State != ProfileSetState.Draft)
        {
            return new PublicationCheck(fairness, review, [], null, 0);
        }

        var earlier = await history.PublicationsOfDatasetAsync(set.TenantId, set.DatasetId, ct);
        var candidate = lifecycle.PublicationRecord(at);
        IReadOnlyList<DifferenceFinding> differences = [];
        if (lifecycle.Disclosure.Report.Publishable)
        {
            // Sets published before the history was kept are rebuilt from their exact description and today's gate.
            var records = earlier.Select(e => StoredJson.Read<PublicationRecord>(e.Record)).ToList();
            foreach (var legacy in await history.PublishedSetsWithoutRecordAsync(set.TenantId, set.DatasetId, ct))
            {
                records.Add(ProfileSetRows.Lifecycle(legacy, []).PublicationRecord(legacy.PublishedAt!.Value));
            }

            differences = lifecycle.DifferencesWith(candidate, records);
        }

        // A published view is frozen with its comparison with all residents; a draft compares with the reference population as it is now.
        var residents = (await datasets.FindAsync(set.TenantId, set.DatasetId, ct))?.ReferencePopulation is { } stored
            ? StoredJson.Read<ReferencePopulation>(stored)
            : null;
        return new PublicationCheck(fairness, review, differences, candidate, earlier.Count, residents);
    }

    /// <summary>The history row to store with the publication.</summary>
    public static ProfilePublicationRow PublicationRow(ProfileSetRow set, PublicationCheck check)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(check);
        var record = check.Candidate ?? throw new InvalidOperationException("Only a draft's check has a publication record.");
        return new ProfilePublicationRow
        {
            Id = Guid.CreateVersion7(record.PublishedAt),
            TenantId = set.TenantId,
            DatasetId = set.DatasetId,
            ProfileSetId = set.Id,
            K = record.K,
            PublishedAt = record.PublishedAt,
            Record = StoredJson.Write(record),
        };
    }

    /// <summary>What these checks block: unreviewed over-representation, and differences with earlier publications.</summary>
    public static IReadOnlyList<PublicationBlocker> Blockers(PublicationCheck? check, IReadOnlyList<ProfileRow> profiles, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(features);
        return check is null
            ? []
            : PublicationBlockers.Of(check.Findings, ProfileSetRows.Profiles(profiles), features).Select(PublicationBlocker.From).ToList();
    }

    /// <summary>The check and its outcome as shown in the set's views (frozen into the view at publication).</summary>
    public static FairnessCheckView View(PublicationCheck check, IReadOnlyList<ProfileRow> profiles, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(features);
        var fairness = check.Fairness;
        var findings = Findings(fairness.Findings, profiles, features);
        var reviewed = check.Findings.FairnessOutcome == FairnessOutcome.OverRepresentationReviewed;
        var outcome = FairnessTexts.Of(check.Findings.FairnessOutcome);
        var review = reviewed && check.Review is { } r ? new FairnessReviewView { ReviewedAt = r.ReviewedAt, Reasoning = r.Reasoning } : null;
        return new FairnessCheckView
        {
            Outcome = outcome,
            MaximumRatio = fairness.Options.MaximumRatio,
            Alpha = fairness.Options.Alpha,
            CheckedFeatures = fairness.CheckedFeatures,
            Findings = findings,
            Review = review,
            Summary = new ProfileText
            {
                Nl = FairnessTexts.Summary(outcome, fairness, findings, profiles, features, review, Language.Dutch),
                En = FairnessTexts.Summary(outcome, fairness, findings, profiles, features, review, Language.English),
            },
        };
    }

    /// <summary>The recorded review for the data owner (who, when, why, what).</summary>
    public static FairnessReviewRecord? ReviewRecord(FairnessReviewRow? review) => review is null ? null : new FairnessReviewRecord
    {
        ReviewedAt = review.ReviewedAt,
        Reasoning = review.Reasoning,
        ClientId = review.ClientId,
        UserId = review.UserId,
        UserRepresentation = review.UserRepresentation,
        Findings = StoredJson.Read<List<FairnessFindingView>>(review.Findings),
    };

    public static List<FairnessFindingView> Findings(IEnumerable<FairnessFinding> findings, IReadOnlyList<ProfileRow> profiles, IReadOnlyList<FeatureDefinition> features)
    {
        var idOf = profiles.ToDictionary(p => p.Cluster, p => p.Id);
        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return findings.Select(f => new FairnessFindingView
        {
            ProfileId = idOf.GetValueOrDefault(f.Cluster),
            ProfileNumber = f.Cluster + 1,
            Feature = f.Feature,
            Label = byName.TryGetValue(f.Feature, out var d) ? new FeatureLabelText { Nl = d.LabelIn(Language.Dutch), En = d.LabelIn(Language.English) } : null,
            Value = f.Value,
            ValueLabel = byName.TryGetValue(f.Feature, out var v) ? new FeatureLabelText { Nl = v.ValueLabelIn(f.Value, Language.Dutch), En = v.ValueLabelIn(f.Value, Language.English) } : null,
        }).ToList();
    }
}
