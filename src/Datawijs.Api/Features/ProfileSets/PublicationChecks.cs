using Datawijs.Api.Configuration;
using Datawijs.Data.Datasets;
using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>One protected group found over-represented in one profile. No figures: they come from exact counts.</summary>
public sealed class FairnessFindingView
{
    public Guid ProfileId { get; init; }

    /// <summary>The profile's number (1, 2, 3...).</summary>
    public int ProfileNumber { get; init; }

    /// <summary>The protected feature, e.g. migrationBackground.</summary>
    public string Feature { get; init; } = "";

    public FeatureLabelText? Label { get; init; }

    /// <summary>The group: a declared value of the feature.</summary>
    public string Value { get; init; } = "";

    public FeatureLabelText? ValueLabel { get; init; }
}

/// <summary>A person's review that lifted the inequality check's blocker, as shown publicly: when and why (not who).</summary>
public sealed class FairnessReviewView
{
    public DateTimeOffset ReviewedAt { get; init; }

    public string Reasoning { get; init; } = "";
}

/// <summary>The inequality check of a profile set and its outcome.</summary>
public sealed class FairnessCheckView
{
    /// <summary>noProtectedFeatures, noOverRepresentation, overRepresentationFound (not yet reviewed: blocks publication) or overRepresentationReviewed.</summary>
    [Datawijs.Api.OpenApi.WireValues("noProtectedFeatures", "noOverRepresentation", "overRepresentationFound", "overRepresentationReviewed")]
    public string Outcome { get; init; } = "";

    /// <summary>How the check works, in words.</summary>
    public string Test { get; init; } = FairnessTexts.TestDescription;

    /// <summary>A group counts as over-represented above this many times its share outside the profile.</summary>
    public double MaximumRatio { get; init; }

    /// <summary>Significance level of the one-sided Fisher exact test for the set as a whole; each test is held to alpha / the number of tests.</summary>
    public double Alpha { get; init; }

    /// <summary>The protected categorical features checked.</summary>
    public IReadOnlyList<string> CheckedFeatures { get; init; } = [];

    public IReadOnlyList<FairnessFindingView> Findings { get; init; } = [];

    /// <summary>The person's review, when findings were reviewed.</summary>
    public FairnessReviewView? Review { get; init; }

    /// <summary>The check and its outcome in plain words: Dutch (B1) and English.</summary>
    public ProfileText Summary { get; init; } = new();
}

/// <summary>The recorded review of the inequality check, for the data owner: who, when, why and what was found.</summary>
public sealed class FairnessReviewRecord
{
    public DateTimeOffset ReviewedAt { get; init; }

    public string Reasoning { get; init; } = "";

    public string ClientId { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? UserRepresentation { get; init; }

    /// <summary>The findings as they stood when the person reviewed them.</summary>
    public IReadOnlyList<FairnessFindingView> Findings { get; init; } = [];
}

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

/// <summary>The inequality check in plain words: Dutch at B1 level, and English.</summary>
public static class FairnessTexts
{
    public const string NoProtectedFeatures = "noProtectedFeatures";
    public const string NoOverRepresentation = "noOverRepresentation";
    public const string OverRepresentationFound = "overRepresentationFound";
    public const string OverRepresentationReviewed = "overRepresentationReviewed";

    public const string TestDescription =
        "Per profile and per value of each protected categorical feature: the share in the profile against the share among all other households, with a one-sided Fisher exact test. Over-represented: more than maximumRatio times as frequent and p < alpha / the number of tests in the set (Bonferroni).";

    private static readonly string[] MonthsNl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>A date as people write it: "7 december 2026" / "7 December 2026".</summary>
    public static string Date(DateTimeOffset at, Language language)
    {
        var d = at.UtcDateTime;
        var month = (language == Language.English ? MonthsEn : MonthsNl)[d.Month - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{d.Day} {month} {d.Year}");
    }

    /// <summary>
    /// The published check in one language; a set published before the check existed says so. Only whether
    /// an over-representation of a protected group was found and that a person reviewed it (date, reasoning),
    /// and which protected features were checked: never which profile, which group or how many times as
    /// frequent. With all protected cells suppressed, "group g in profile 1 is more than 2 times as frequent"
    /// and the published population count of g bound g's count in the other profiles, possibly below the minimum.
    /// </summary>
    /// <param name="fairness">The check as frozen into the view; null for a set published before the check existed.</param>
    /// <param name="language">The language of the text.</param>
    /// <param name="label">The label of a checked feature in that language; the feature's name when null.</param>
    public static string Public(FairnessCheckView? fairness, Language language, Func<string, string?>? label = null)
    {
        var nl = language != Language.English;
        if (fairness is null)
        {
            return nl
                ? "Niet gecontroleerd op ongelijkheid. Deze profielen kwamen uit voordat die controle er was."
                : "Not checked for inequality. These profiles came out before the check existed.";
        }

        var checkedFeatures = string.Join(", ", fairness.CheckedFeatures.Select(f => label?.Invoke(f) ?? f));
        switch (fairness.Outcome)
        {
            case NoProtectedFeatures:
                return nl
                    ? "Niet gecontroleerd op ongelijkheid. Er zijn geen gegevens om dat mee te doen, zoals migratieachtergrond."
                    : "Not checked for inequality. There are no details to do that with, such as migration background.";
            case NoOverRepresentation:
                return nl
                    ? $"Gecontroleerd: geen groep komt te vaak voor. Wij keken of een groep ({checkedFeatures}) veel vaker in een profiel zit dan bij de andere huishoudens. Dat is in geen enkel profiel zo."
                    : $"Checked: no group is found too often. We looked whether a group ({checkedFeatures}) is much more often in a profile than in the other households. That is so in no profile.";
        }

        var head = nl
            ? $"Gecontroleerd: een groep komt te vaak voor. In een of meer profielen zit een groep ({checkedFeatures}) veel vaker dan bij de andere huishoudens. Dat is geen toeval."
            : $"Checked: a group is found too often. In one or more profiles a group ({checkedFeatures}) is much more often than in the other households. That is not by chance.";
        if (fairness.Review is not { } review)
        {
            return head + (nl ? " Een mens heeft dit nog niet bekeken." : " A person has not looked at this yet.");
        }

        return head + (nl
            ? $" Een mens heeft dit bekeken op {Date(review.ReviewedAt, language)}. Die schreef erbij: {review.Reasoning}"
            : $" A person looked at this on {Date(review.ReviewedAt, language)}. They wrote: {review.Reasoning}");
    }

    /// <summary>The published check of a frozen view in one language, with the checked features' labels as the view shows them.</summary>
    public static string Public(ProfileSetView view, Language language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var labels = (view.Population?.Categorical ?? []).Concat(view.Profiles.SelectMany(p => p.Protected))
            .Where(d => d.Label is not null)
            .GroupBy(d => d.Feature, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Label!, StringComparer.Ordinal);
        return Public(view.Fairness, language, f => labels.TryGetValue(f, out var l) ? (language == Language.English ? l.En : l.Nl) : null);
    }

    /// <summary>
    /// A frozen view as shown publicly: the check's outcome, how it works, the features checked and the review,
    /// without the findings and with the public text as summary (see <see cref="Public(FairnessCheckView?, Language, Func{string, string?}?)"/>).
    /// </summary>
    public static ProfileSetView PublicView(ProfileSetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fairness = view.Fairness;
        return new ProfileSetView
        {
            Method = view.Method,
            Population = view.Population,
            Profiles = view.Profiles,
            Outflow = view.Outflow,
            Residents = view.Residents,
            Fairness = fairness is null ? null : new FairnessCheckView
            {
                Outcome = fairness.Outcome,
                Test = fairness.Test,
                MaximumRatio = fairness.MaximumRatio,
                Alpha = fairness.Alpha,
                CheckedFeatures = fairness.CheckedFeatures,
                Findings = [],
                Review = fairness.Review,
                Summary = new ProfileText { Nl = Public(view, Language.Dutch), En = Public(view, Language.English) },
            },
        };
    }

    internal static string Summary(
        string outcome,
        FairnessCheckResult fairness,
        IReadOnlyList<FairnessFindingView> findings,
        IReadOnlyList<ProfileRow> profiles,
        IReadOnlyList<FeatureDefinition> features,
        FairnessReviewView? review,
        Language language)
    {
        var nl = language == Language.Dutch;
        var ratio = fairness.Options.MaximumRatio.ToString("0.##", CultureInfo.InvariantCulture);
        if (nl)
        {
            ratio = ratio.Replace('.', ',');
        }

        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        string Label(string name) => byName.TryGetValue(name, out var f) ? f.LabelIn(language) : name;
        var checkedFeatures = string.Join(", ", fairness.CheckedFeatures.Select(Label));
        switch (outcome)
        {
            case NoProtectedFeatures:
                return nl
                    ? "Niet gecontroleerd op ongelijkheid. Er zijn geen gegevens om dat mee te doen, zoals migratieachtergrond."
                    : "Not checked for inequality. There are no details to do that with, such as migration background.";
            case NoOverRepresentation:
                return nl
                    ? $"Gecontroleerd: geen oververtegenwoordiging. In geen enkel profiel komt een groep ({checkedFeatures}) meer dan {ratio} keer zo vaak voor als bij de andere huishoudens."
                    : $"Checked: no over-representation. In no profile is a group ({checkedFeatures}) more than {ratio} times as frequent as among the other households.";
        }

        var named = profiles.ToDictionary(p => p.Cluster + 1);
        string Profile(int number)
        {
            var name = named.TryGetValue(number, out var p) ? (nl ? p.NameNl : p.NameEn) : null;
            var word = nl ? "profiel" : "profile";
            return string.IsNullOrWhiteSpace(name)
                ? string.Create(CultureInfo.InvariantCulture, $"{word} {number}")
                : string.Create(CultureInfo.InvariantCulture, $"{word} {number} ({name})");
        }

        var found = string.Join("; ", findings.Select(f =>
            $"{(nl ? f.ValueLabel?.Nl : f.ValueLabel?.En) ?? f.Value} ({Label(f.Feature)}) in {Profile(f.ProfileNumber)}"));
        var head = nl
            ? $"Oververtegenwoordiging gevonden: {found}. Zo'n groep komt daar meer dan {ratio} keer zo vaak voor als bij de andere huishoudens, en dat is geen toeval."
            : $"Over-representation found: {found}. Such a group is more than {ratio} times as frequent there as among the other households, and not by chance.";
        if (review is null)
        {
            return head + (nl
                ? " Een medewerker moet dit eerst beoordelen; tot dan wordt de profielset niet gepubliceerd."
                : " A person must review this first; until then the profile set is not published.");
        }

        return head + (nl
            ? $" Een mens heeft dit bekeken op {Date(review.ReviewedAt, language)}. Die schreef erbij: {review.Reasoning}"
            : $" A person looked at this on {Date(review.ReviewedAt, language)}. They wrote: {review.Reasoning}");
    }
}
