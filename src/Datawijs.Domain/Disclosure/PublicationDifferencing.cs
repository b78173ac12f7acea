using Datawijs.Domain.Clustering;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// Differencing between publications of one dataset. A reader who keeps every publication can subtract the
/// same figure of two of them; when the difference is 1..MinimumCount−1 it is the size of a small group
/// (e.g. the few households appended in between that have a value). What is compared:
/// <list type="bullet">
/// <item>Always, the dataset-level figures: the number of households and, per declared feature value, its
/// count over the whole dataset. Records are only ever added to a dataset, so a later population contains
/// the earlier one, and such a difference is exactly the appended households with that value.</item>
/// <item>When both publications have the same number of profiles (k), the profiles' figures: profiles are
/// paired the way a reader would pair them, most alike first (smallest sum of absolute differences of the
/// value shares over all categorical and protected features), and then each pair's size and each value's
/// count are compared. Pairing by likeness and not by cluster number because a new clustering may number
/// the same groups differently. With another k no profile of one is a profile of the other, so only the
/// dataset-level figures are compared.</item>
/// </list>
/// Only figures shown in both publications are compared: a suppressed figure cannot be subtracted. The
/// comparison uses exact counts, as if the figures were published exactly; rounding to 5 protects further.
/// </summary>
public static class PublicationDifferencing
{
    /// <summary>The record of a publication: the exact counts of the description and which of them the gate let through.</summary>
    public static PublicationRecord Record(Guid profileSetId, DateTimeOffset publishedAt, ProfileSetDescription profileSet, DisclosureReport report)
    {
        ArgumentNullException.ThrowIfNull(profileSet);
        ArgumentNullException.ThrowIfNull(report);
        var hidden = report.Suppressions
            .Where(s => s.Item == SuppressedItem.Count)
            .Select(s => (s.Profile, s.Feature, s.Value))
            .ToHashSet();
        var profiles = profileSet.Profiles.Select(p => new PublishedProfileCounts(
            p.Cluster,
            p.Households,
            [.. p.Categorical.Concat(p.Protected).SelectMany(d => d.Cells.Select(c =>
                new PublishedCount(d.Feature, c.Value, c.CountInProfile, !hidden.Contains((p.Cluster, d.Feature, c.Value)))))])).ToArray();
        var population = profileSet.Profiles.Count == 0
            ? []
            : profileSet.Profiles[0].Categorical.Concat(profileSet.Profiles[0].Protected).SelectMany(d => d.Cells.Select(c =>
                new PublishedCount(d.Feature, c.Value, c.CountInPopulation, !hidden.Contains((null, d.Feature, c.Value))))).ToArray();
        return new PublicationRecord(profileSetId, publishedAt, profileSet.TotalHouseholds, population, profiles);
    }

    /// <summary>Every figure of <paramref name="candidate"/> that differs from an earlier publication's by 1..MinimumCount−1 households.</summary>
    public static IReadOnlyList<DifferenceFinding> Check(PublicationRecord candidate, IEnumerable<PublicationRecord> earlier, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        var min = (rules ?? DisclosureRules.Default).MinimumCount;
        var findings = new List<DifferenceFinding>();
        bool Small(int a, int b) => Math.Abs(a - b) is var d && d > 0 && d < min;

        foreach (var before in earlier.OrderBy(e => e.PublishedAt))
        {
            if (before.ProfileSetId == candidate.ProfileSetId)
            {
                continue;
            }

            if (Small(candidate.TotalHouseholds, before.TotalHouseholds))
            {
                findings.Add(new DifferenceFinding(null, null, null, before.ProfileSetId, before.PublishedAt, null));
            }

            CompareCells(candidate.Population, before.Population, null, null);
            foreach (var (now, then) in Pair(candidate, before))
            {
                if (Small(now.Households, then.Households))
                {
                    findings.Add(new DifferenceFinding(now.Cluster, null, null, before.ProfileSetId, before.PublishedAt, then.Cluster));
                }

                CompareCells(now.Cells, then.Cells, now.Cluster, then.Cluster);
            }

            void CompareCells(IReadOnlyList<PublishedCount> now, IReadOnlyList<PublishedCount> then, int? cluster, int? earlierCluster)
            {
                var shownBefore = then.Where(c => c.Shown).ToDictionary(c => (c.Feature, c.Value), c => c.Count);
                foreach (var cell in now)
                {
                    if (cell.Shown && shownBefore.TryGetValue((cell.Feature, cell.Value), out var count) && Small(cell.Count, count))
                    {
                        findings.Add(new DifferenceFinding(cluster, cell.Feature, cell.Value, before.ProfileSetId, before.PublishedAt, earlierCluster));
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// Pairs the profiles of two publications with the same k, most alike first (greedy on the sum of absolute
    /// differences of value shares); none when k differs.
    /// </summary>
    public static IReadOnlyList<(PublishedProfileCounts Now, PublishedProfileCounts Then)> Pair(PublicationRecord candidate, PublicationRecord earlier)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        if (candidate.K != earlier.K || candidate.K == 0)
        {
            return [];
        }

        var k = candidate.K;
        var distances = new List<(double Distance, int Now, int Then)>(k * k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                distances.Add((Distance(candidate.Profiles[i], earlier.Profiles[j]), i, j));
            }
        }

        var pairs = new List<(PublishedProfileCounts, PublishedProfileCounts)>(k);
        var usedNow = new bool[k];
        var usedThen = new bool[k];

        // Stable sort: ties go to the lower numbers, so the same inputs always pair the same way.
        foreach (var (_, i, j) in distances.OrderBy(d => d.Distance))
        {
            if (!usedNow[i] && !usedThen[j])
            {
                usedNow[i] = usedThen[j] = true;
                pairs.Add((candidate.Profiles[i], earlier.Profiles[j]));
            }
        }

        return pairs;
    }

    private static double Distance(PublishedProfileCounts a, PublishedProfileCounts b)
    {
        var shares = b.Cells.ToDictionary(c => (c.Feature, c.Value), c => b.Households > 0 ? (double)c.Count / b.Households : 0);
        var distance = 0.0;
        foreach (var cell in a.Cells)
        {
            var share = a.Households > 0 ? (double)cell.Count / a.Households : 0;
            distance += Math.Abs(share - shares.GetValueOrDefault((cell.Feature, cell.Value)));
            shares.Remove((cell.Feature, cell.Value));
        }

        return distance + shares.Values.Sum();
    }
}
