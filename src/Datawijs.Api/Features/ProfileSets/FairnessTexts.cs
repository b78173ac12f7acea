using System.Globalization;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.ProfileSets;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>The inequality check in plain words: Dutch at B1 level, and English.</summary>
public static class FairnessTexts
{
    public const string NoProtectedFeatures = "noProtectedFeatures";
    public const string NoOverRepresentation = "noOverRepresentation";
    public const string OverRepresentationFound = "overRepresentationFound";
    public const string OverRepresentationReviewed = "overRepresentationReviewed";

    /// <summary>The outcome as the contract writes it.</summary>
    public static string Of(FairnessOutcome outcome) => outcome switch
    {
        FairnessOutcome.NoProtectedFeatures => NoProtectedFeatures,
        FairnessOutcome.NoOverRepresentation => NoOverRepresentation,
        FairnessOutcome.OverRepresentationFound => OverRepresentationFound,
        _ => OverRepresentationReviewed,
    };

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
