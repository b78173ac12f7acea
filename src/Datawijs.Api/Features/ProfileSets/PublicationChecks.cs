using Datawijs.Data.Datasets;
using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Api.Hosting;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

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
        var description = ProfileSetViews.Description(set);
        return RunAsync(set, description, DisclosureGate.Check(description), clock.GetUtcNow(), ct);
    }

    public async Task<PublicationCheck> RunAsync(ProfileSetRow set, ProfileSetDescription description, DisclosureReport report, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(report);
        var fairness = FairnessCheck.Run(description, settings.Options);
        var review = await history.FindReviewAsync(set.TenantId, set.Id, ct);
        if (set.Status != ProfileSetStatus.Draft)
        {
            return new PublicationCheck(fairness, review, [], null, 0);
        }

        var earlier = await history.PublicationsOfDatasetAsync(set.TenantId, set.DatasetId, ct);
        var candidate = PublicationDifferencing.Record(set.Id, at, description, report);
        IReadOnlyList<DifferenceFinding> differences = [];
        if (report.Publishable)
        {
            // Sets published before the history was kept are rebuilt from their exact description and today's gate.
            var records = earlier.Select(e => StoredJson.Read<PublicationRecord>(e.Record)).ToList();
            foreach (var legacy in await history.PublishedSetsWithoutRecordAsync(set.TenantId, set.DatasetId, ct))
            {
                var legacyDescription = ProfileSetViews.Description(legacy);
                records.Add(PublicationDifferencing.Record(legacy.Id, legacy.PublishedAt!.Value, legacyDescription, DisclosureGate.Check(legacyDescription)));
            }

            differences = PublicationDifferencing.Check(candidate, records, DisclosureRules.Default);
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
        if (check is null)
        {
            return [];
        }

        var idOf = profiles.ToDictionary(p => p.Cluster, p => p.Id);
        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        string Feature(string name) => byName.TryGetValue(name, out var f) ? f.LabelIn(Language.English) : name;
        string Value(string feature, string? value) =>
            value is null ? "unknown" : byName.TryGetValue(feature, out var f) ? f.ValueLabelIn(value, Language.English) : value;

        var blockers = new List<PublicationBlocker>();
        var reviewedEarlier = check.Review is not null;
        foreach (var finding in check.Unreviewed)
        {
            blockers.Add(new PublicationBlocker
            {
                Code = "protected-over-representation",
                ProfileId = idOf.GetValueOrDefault(finding.Cluster),
                Reason = string.Create(CultureInfo.InvariantCulture,
                    $"Profile {finding.Cluster + 1}: {Feature(finding.Feature)} = {Value(finding.Feature, finding.Value)} ({finding.Feature} = {finding.Value}) is more than {check.Fairness.Options.MaximumRatio:0.##} times as frequent as outside the profile (significant). A person must review this{(reviewedEarlier ? " (it was not among the findings reviewed earlier)" : "")}: POST /api/v1/profile-sets/{{id}}/fairness-review with the reasoning."),
            });
        }

        foreach (var difference in check.Differences)
        {
            var what = difference.Feature is null
                ? "the number of households"
                : $"the count of {Feature(difference.Feature)} = {Value(difference.Feature, difference.Value)} ({difference.Feature} = {difference.Value ?? "unknown"})";
            var where = difference.Cluster is { } c ? string.Create(CultureInfo.InvariantCulture, $"Profile {c + 1}") : "The whole dataset";
            var paired = difference.EarlierCluster is { } e ? string.Create(CultureInfo.InvariantCulture, $" (paired with its profile {e + 1})") : "";
            blockers.Add(new PublicationBlocker
            {
                Code = "publication-difference",
                ProfileId = difference.Cluster is { } cluster ? idOf.GetValueOrDefault(cluster) : null,
                Reason = string.Create(CultureInfo.InvariantCulture,
                    $"{where}, {what}: differs by 1 to 9 households from the publication of {difference.EarlierPublishedAt:yyyy-MM-dd} (profile set {difference.EarlierProfileSetId}){paired}, so the difference would show a group smaller than the minimum."),
            });
        }

        return blockers;
    }

    /// <summary>The check and its outcome as shown in the set's views (frozen into the view at publication).</summary>
    public static FairnessCheckView View(PublicationCheck check, IReadOnlyList<ProfileRow> profiles, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(features);
        var fairness = check.Fairness;
        var findings = Findings(fairness.Findings, profiles, features);
        var outcome = fairness.CheckedFeatures.Count == 0 ? FairnessTexts.NoProtectedFeatures
            : findings.Count == 0 ? FairnessTexts.NoOverRepresentation
            : check.Review is null || check.Unreviewed.Count > 0 ? FairnessTexts.OverRepresentationFound
            : FairnessTexts.OverRepresentationReviewed;
        var review = check.Review is null || findings.Count == 0 || check.Unreviewed.Count > 0 ? null : new FairnessReviewView { ReviewedAt = check.Review.ReviewedAt, Reasoning = check.Review.Reasoning };
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
