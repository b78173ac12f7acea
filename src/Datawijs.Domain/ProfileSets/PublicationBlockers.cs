using System.Globalization;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.ProfileSets;

/// <summary>
/// What keeps a draft profile set from publication, each with a stable code and a reason that says what to do.
/// The set's own blockers come from its profiles and the disclosure gate; the findings' from the inequality
/// check and the differencing with earlier publications.
/// </summary>
public static class PublicationBlockers
{
    /// <summary>
    /// Too few profiles, a profile without a name or a description in both languages, and a profile the
    /// disclosure gate finds too small, in the order of the profiles.
    /// </summary>
    public static IReadOnlyList<PublicationBlocker> Of(DisclosureReport report, IReadOnlyList<Profile> profiles)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(profiles);
        var blockers = new List<PublicationBlocker>();

        // With one profile every subject gets the same advice: nothing to explain or weigh, and no other profile to point to.
        if (profiles.Count < 2)
        {
            blockers.Add(new PublicationBlocker(PublicationBlocker.TooFewProfiles, null,
                "A profile set needs at least two profiles to give advice; cluster again with a larger k (or more households)."));
        }

        foreach (var p in profiles.OrderBy(p => p.Cluster))
        {
            if (!p.IsNamed)
            {
                blockers.Add(new PublicationBlocker(PublicationBlocker.Unnamed, p.Id, $"Profile {p.Number} needs a name in Dutch and in English."));
            }

            if (!p.IsDescribed)
            {
                blockers.Add(new PublicationBlocker(PublicationBlocker.Undescribed, p.Id, $"Profile {p.Number} needs a description in Dutch (B1) and in English."));
            }

            if (report.BlockingProfiles.Contains(p.Cluster))
            {
                blockers.Add(new PublicationBlocker(PublicationBlocker.ProfileTooSmall, p.Id, $"Profile {p.Number} has fewer households than the disclosure rules allow."));
            }
        }

        return blockers;
    }

    /// <summary>
    /// Every over-representation of a protected group a person has not reviewed, and every figure that differs
    /// from an earlier publication by 1 to 9 households. <paramref name="features"/> give the English labels the
    /// reasons name next to the codes.
    /// </summary>
    public static IReadOnlyList<PublicationBlocker> Of(PublicationFindings findings, IReadOnlyList<Profile> profiles, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(features);
        var idOf = profiles.ToDictionary(p => p.Cluster, p => p.Id);
        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        string Feature(string name) => byName.TryGetValue(name, out var f) ? f.LabelIn(Language.English) : name;
        string Value(string feature, string? value) =>
            value is null ? "unknown" : byName.TryGetValue(feature, out var f) ? f.ValueLabelIn(value, Language.English) : value;

        var blockers = new List<PublicationBlocker>();
        var reviewedEarlier = findings.Reviewed is not null;
        foreach (var finding in findings.Unreviewed)
        {
            blockers.Add(new PublicationBlocker(
                PublicationBlocker.ProtectedOverRepresentation,
                idOf.GetValueOrDefault(finding.Cluster),
                string.Create(CultureInfo.InvariantCulture,
                    $"Profile {finding.Cluster + 1}: {Feature(finding.Feature)} = {Value(finding.Feature, finding.Value)} ({finding.Feature} = {finding.Value}) is more than {findings.Fairness.Options.MaximumRatio:0.##} times as frequent as outside the profile (significant). A person must review this{(reviewedEarlier ? " (it was not among the findings reviewed earlier)" : "")}: POST /api/v1/profile-sets/{{id}}/fairness-review with the reasoning.")));
        }

        foreach (var difference in findings.Differences)
        {
            var what = difference.Feature is null
                ? "the number of households"
                : $"the count of {Feature(difference.Feature)} = {Value(difference.Feature, difference.Value)} ({difference.Feature} = {difference.Value ?? "unknown"})";
            var where = difference.Cluster is { } c ? string.Create(CultureInfo.InvariantCulture, $"Profile {c + 1}") : "The whole dataset";
            var paired = difference.EarlierCluster is { } e ? string.Create(CultureInfo.InvariantCulture, $" (paired with its profile {e + 1})") : "";
            blockers.Add(new PublicationBlocker(
                PublicationBlocker.PublicationDifference,
                difference.Cluster is { } cluster ? idOf.GetValueOrDefault(cluster) : null,
                string.Create(CultureInfo.InvariantCulture,
                    $"{where}, {what}: differs by 1 to 9 households from the publication of {difference.EarlierPublishedAt:yyyy-MM-dd} (profile set {difference.EarlierProfileSetId}){paired}, so the difference would show a group smaller than the minimum.")));
        }

        return blockers;
    }
}
