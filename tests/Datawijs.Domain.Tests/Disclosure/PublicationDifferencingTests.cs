using Datawijs.Domain.Disclosure;
using FsCheck.Fluent;

namespace Datawijs.Domain.Tests.Disclosure;

public sealed class PublicationDifferencingTests
{
    private static readonly string[] Abc = ["a", "b", "c"];
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static PublicationRecord Publish(int[][] counts, DateTimeOffset at, string[]? values = null)
    {
        var set = ProfileFixtures.Describe(values ?? Abc, counts);
        var report = DisclosureGate.Check(set);
        Assert.True(report.Publishable);
        return PublicationDifferencing.Record(Guid.CreateVersion7(at), at, set, report);
    }

    [Fact]
    public void An_append_of_a_few_households_is_named_by_the_dataset_figures_it_changes()
    {
        // The attack: publish, append 4 households with value a to profile 0, publish again. Every figure is
        // at least 10, so the gate passes both; the difference of the dataset's count of a is the 4 new households.
        var first = Publish([[40, 20, 30], [20, 40, 30]], Monday);
        var second = Publish([[44, 20, 30], [20, 40, 30]], Monday.AddDays(1));

        var findings = PublicationDifferencing.Check(second, [first]);

        Assert.Contains(findings, f => f.Cluster is null && f.Feature is null); // households of the dataset
        Assert.Contains(findings, f => f.Cluster is null && f.Feature == "benefit" && f.Value == "a");
        Assert.Contains(findings, f => f.Cluster == 0 && f.Feature is null); // the profile's size
        Assert.Contains(findings, f => f.Cluster == 0 && f.Feature == "benefit" && f.Value == "a" && f.EarlierCluster == 0);
        Assert.All(findings, f => Assert.Equal(first.ProfileSetId, f.EarlierProfileSetId));
        Assert.DoesNotContain(findings, f => f.Value is "b" or "c");
    }

    [Fact]
    public void An_append_where_every_difference_is_zero_or_at_least_the_minimum_passes()
    {
        var first = Publish([[40, 20, 30], [20, 40, 30]], Monday);
        var second = Publish([[50, 20, 30], [20, 55, 30]], Monday.AddDays(1));

        Assert.Empty(PublicationDifferencing.Check(second, [first]));
    }

    [Fact]
    public void Publishing_the_same_figures_again_shows_no_group()
    {
        var first = Publish([[40, 20, 30], [20, 40, 30]], Monday);
        var again = Publish([[40, 20, 30], [20, 40, 30]], Monday.AddDays(1));

        Assert.Empty(PublicationDifferencing.Check(again, [first]));
    }

    [Fact]
    public void Profiles_are_paired_by_likeness_not_by_number()
    {
        // The new clustering numbers the same two groups the other way round; profile 1 now has 3 more a.
        var first = Publish([[40, 20, 30], [20, 60, 30]], Monday);
        var second = Publish([[20, 60, 30], [43, 20, 30]], Monday.AddDays(1));

        var findings = PublicationDifferencing.Check(second, [first]);

        Assert.Contains(findings, f => f.Cluster == 1 && f.EarlierCluster == 0 && f.Feature == "benefit" && f.Value == "a");
        Assert.DoesNotContain(findings, f => f.Cluster == 0);
    }

    [Fact]
    public void With_another_k_only_the_dataset_figures_are_compared()
    {
        // Same households, clustered into three profiles instead of two: no profile of one is a profile of the other.
        var first = Publish([[40, 20, 30], [20, 40, 30]], Monday);
        var second = Publish([[35, 15, 20], [15, 35, 20], [10, 10, 20]], Monday.AddDays(1));

        Assert.Empty(PublicationDifferencing.Check(second, [first]));

        // ...while an append of 5 households of value c still shows in the dataset's count of c.
        var third = Publish([[35, 15, 25], [15, 35, 20], [10, 10, 20]], Monday.AddDays(2));
        var findings = PublicationDifferencing.Check(third, [first, second]);
        Assert.Contains(findings, f => f.Cluster is null && f.Value == "c" && f.EarlierProfileSetId == first.ProfileSetId);
        Assert.Contains(findings, f => f.Cluster is null && f.Value == "c" && f.EarlierProfileSetId == second.ProfileSetId);
        Assert.Contains(findings, f => f.Cluster == 0 && f.Value == "c" && f.EarlierProfileSetId == second.ProfileSetId);
        Assert.DoesNotContain(findings, f => f.Cluster is not null && f.EarlierProfileSetId == first.ProfileSetId);
    }

    [Fact]
    public void A_figure_suppressed_in_either_publication_is_not_compared()
    {
        // Profile 0's b is 5 in the first publication (suppressed, with its secondary partners); 8 in the second.
        var first = Publish([[40, 5, 15], [20, 20, 20], [30, 30, 30]], Monday);
        var second = Publish([[40, 8, 15], [20, 20, 20], [30, 30, 30]], Monday.AddDays(1));

        var findings = PublicationDifferencing.Check(second, [first]);

        Assert.DoesNotContain(findings, f => f.Cluster == 0 && f.Value == "b");
        // The sizes and the dataset's count of b are shown in both and do differ by 3.
        Assert.Contains(findings, f => f.Cluster == 0 && f.Feature is null);
        Assert.Contains(findings, f => f.Cluster is null && f.Value == "b");
    }

    [Fact]
    public void The_record_keeps_exact_counts_and_what_the_gate_showed()
    {
        var set = ProfileFixtures.Describe(Abc, [[40, 5, 15], [20, 20, 20], [30, 30, 30]]);
        var record = PublicationDifferencing.Record(Guid.NewGuid(), Monday, set, DisclosureGate.Check(set));

        Assert.Equal(210, record.TotalHouseholds);
        Assert.Equal(3, record.K);
        var b = record.Profiles[0].Cells.Single(c => c.Value == "b");
        Assert.Equal(5, b.Count);
        Assert.False(b.Shown);
        Assert.True(record.Profiles[0].Cells.Single(c => c.Value == "a").Shown);
        Assert.Equal(55, record.Population.Single(c => c.Value == "b").Count);
    }

    [Fact]
    public void No_figure_derivable_by_difference_with_an_earlier_publication_is_below_the_minimum_unless_blocked()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var k = random.Next(2, 5);
            var width = k + random.Next(0, 2);
            var values = Enumerable.Range(0, width).Select(v => $"v{v}").ToArray();
            var before = new int[k][];
            var after = new int[k][];
            for (var j = 0; j < k; j++)
            {
                before[j] = new int[width];
                after[j] = new int[width];
                for (var v = 0; v < width; v++)
                {
                    // Each profile has its own dominant value, so the groups stay recognisable after an append.
                    before[j][v] = (v == j ? 120 : 0) + (random.Next(4) == 0 ? random.Next(0, 10) : random.Next(10, 40));

                    // Appends: often nothing, often a few households, sometimes many.
                    after[j][v] = before[j][v] + random.Next(3) switch { 0 => 0, 1 => random.Next(1, 10), _ => random.Next(0, 30) };
                }
            }

            // The new clustering may number the profiles differently.
            var order = Enumerable.Range(0, k).OrderBy(_ => random.Next()).ToArray();
            var renumbered = order.Select(j => after[j]).ToArray();
            var earlierSet = ProfileFixtures.Describe(values, before);
            var laterSet = ProfileFixtures.Describe(values, renumbered);
            var earlierReport = DisclosureGate.Check(earlierSet);
            var laterReport = DisclosureGate.Check(laterSet);
            if (!earlierReport.Publishable || !laterReport.Publishable)
            {
                return true;
            }

            var earlier = PublicationDifferencing.Record(Guid.NewGuid(), Monday, earlierSet, earlierReport);
            var later = PublicationDifferencing.Record(Guid.NewGuid(), Monday.AddDays(1), laterSet, laterReport);
            if (PublicationDifferencing.Check(later, [earlier]).Count > 0)
            {
                return true; // blocked
            }

            // Not blocked: every figure shown in both, under the true pairing of the groups, differs by 0 or at least 10.
            static bool Safe(int a, int b) => Math.Abs(a - b) is 0 or >= 10;
            if (!Safe(later.TotalHouseholds, earlier.TotalHouseholds))
            {
                return false;
            }

            foreach (var cell in later.Population.Where(c => c.Shown))
            {
                if (earlier.Population.Single(c => c.Value == cell.Value) is { Shown: true } then && !Safe(cell.Count, then.Count))
                {
                    return false;
                }
            }

            for (var i = 0; i < k; i++)
            {
                var now = later.Profiles[i];
                var then = earlier.Profiles[order[i]];
                if (!Safe(now.Households, then.Households))
                {
                    return false;
                }

                foreach (var cell in now.Cells.Where(c => c.Shown))
                {
                    if (then.Cells.Single(c => c.Value == cell.Value) is { Shown: true } old && !Safe(cell.Count, old.Count))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

        property.CheckSeeded(300);
    }
}
