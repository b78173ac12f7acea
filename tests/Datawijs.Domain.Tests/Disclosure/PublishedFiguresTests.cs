using Datawijs.Domain.Clustering;
using Datawijs.Domain.Disclosure;
using FsCheck.Fluent;

namespace Datawijs.Domain.Tests.Disclosure;

/// <summary>
/// Side channels of the published figures: what a reader can work out from them together, not only
/// what each one shows.
/// </summary>
public sealed class PublishedFiguresTests
{
    private static readonly string[] Abc = ["a", "b", "c"];
    private static readonly string[] Ab = ["a", "b"];

    [Fact]
    public void A_value_that_is_suppressed_is_never_highlighted_even_when_it_is_significant_and_at_least_ten()
    {
        // Profile 0 has b = 12 (far more often than elsewhere) next to c = 5: c is below the minimum and b,
        // the smallest shown cell of the row, is suppressed with it. A highlight on b would say "b ≥ 10", and
        // with the row's total the hidden pair b + c = 17 would bound c at 7 or less.
        var set = ProfileFixtures.Describe(Abc, [[40, 12, 5], [60, 1, 30], [60, 2, 30]]);
        Assert.True(set.Profiles[0].Categorical[0].Cells[1].RelativelyMoreFrequent);

        var published = DisclosureGate.Apply(set).ProfileSet!;

        var b = published.Profiles[0].Categorical[0].Cells[1];
        Assert.True(b.Suppressed);
        Assert.DoesNotContain(published.Profiles[0].RelativelyMoreFrequent, h => h.Value == "b");
    }

    [Fact]
    public void Lift_and_shares_are_computed_from_the_published_rounded_counts()
    {
        // Profile 0: a = 12 of 60 (exact lift 0.2 / 0.333 = 0.6); rounded 10 of 60 against 50 of 150 gives 0.5.
        var set = ProfileFixtures.Describe(Ab, [[12, 48], [38, 52]]);

        var a = DisclosureGate.Apply(set).ProfileSet!.Profiles[0].Categorical[0].Cells[0];

        Assert.Equal(10, a.Households);
        Assert.Equal(17, a.SharePercent);
        Assert.Equal(33, a.PopulationSharePercent);
        Assert.Equal(0.5, a.Lift);
        Assert.Equal(0.6, Math.Round(set.Profiles[0].Categorical[0].Cells[0].Lift, 1));
    }

    [Fact]
    public void Counts_below_the_minimum_are_never_published_and_the_rest_are_rounded_to_five()
    {
        var rules = DisclosureRules.Default;

        Assert.Null(PublishedFigures.Count(9, rules));
        Assert.Null(PublishedFigures.Count(0, rules));
        Assert.Equal(10, PublishedFigures.Count(10, rules));
        Assert.Equal(10, PublishedFigures.Count(12, rules));
        Assert.Equal(15, PublishedFigures.Count(13, rules));
        Assert.Equal(305, PublishedFigures.Count(303, rules));
    }

    [Fact]
    public void A_figure_that_needs_an_unpublished_count_is_not_given()
    {
        Assert.Null(PublishedFigures.SharePercent(null, 100));
        Assert.Null(PublishedFigures.Lift(10, 100, null, 1000));
        Assert.False(PublishedFigures.RelativelyMoreFrequent(null, 100, 200, 1000));
        Assert.True(PublishedFigures.RelativelyMoreFrequent(60, 100, 200, 1000));
    }

    [Fact]
    public void For_random_tables_no_published_or_derivable_cell_is_below_ten_and_no_highlight_says_more_than_the_counts()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var k = random.Next(2, 6);
            var width = random.Next(2, 5);
            var counts = new int[k][];
            for (var j = 0; j < k; j++)
            {
                counts[j] = new int[width];
                for (var v = 0; v < width; v++)
                {
                    // Skewed per profile so that over-represented (highlighted) and small cells are both common.
                    counts[j][v] = random.Next(4) == 0 ? random.Next(0, 14) : random.Next(0, 20 + (40 * ((j + v) % 3)));
                }

                counts[j][0] += 10;
            }

            var set = ProfileFixtures.Describe([.. Enumerable.Range(0, width).Select(v => $"v{v}")], counts);
            var outcome = DisclosureGate.Apply(set);
            return outcome.ProfileSet is null || Violation(set, outcome.ProfileSet) is null;
        });

        property.CheckSeeded(300);
    }

    /// <summary>The first rule a publication breaks, in words; null when it keeps them all.</summary>
    internal static string? Violation(ProfileSetDescription set, PublishedProfileSet published)
    {
        var k = set.Profiles.Count;
        var population = published.Population[0].Cells;
        var width = population.Count;
        int? Total(int row) => row < k ? published.Profiles[row].Households : published.TotalHouseholds;
        PublishedCell Cell(int row, int v) => row < k ? published.Profiles[row].Categorical[0].Cells[v] : population[v];
        int Exact(int row, int v) => row < k ? set.Profiles[row].Categorical[0].Cells[v].CountInProfile : set.Profiles[0].Categorical[0].Cells[v].CountInPopulation;

        for (var row = 0; row <= k; row++)
        {
            if (Total(row) is not { } total || total < 10 || total % 5 != 0)
            {
                return $"row {row}: total {Total(row)}";
            }

            // Published cells: at least ten, rounded, every derived figure from published counts only.
            for (var v = 0; v < width; v++)
            {
                var cell = Cell(row, v);
                if (cell.Suppressed)
                {
                    if (cell.Households is not null || cell.Lift is not null || cell.RelativelyMoreFrequent is not null)
                    {
                        return $"row {row} value {v}: a suppressed cell carries a figure";
                    }

                    continue;
                }

                if (Exact(row, v) < 10 || cell.Households is not { } shown || shown % 5 != 0 || shown < 10)
                {
                    return $"row {row} value {v}: published {cell.Households} for {Exact(row, v)}";
                }

                if (cell.SharePercent != PublishedFigures.SharePercent(shown, total))
                {
                    return $"row {row} value {v}: share not from published counts";
                }

                if (row < k)
                {
                    var populationCount = population[v].Households;
                    if (cell.Lift != PublishedFigures.Lift(shown, total, populationCount, published.TotalHouseholds)
                        || cell.RelativelyMoreFrequent != PublishedFigures.RelativelyMoreFrequent(shown, total, populationCount, published.TotalHouseholds))
                    {
                        return $"row {row} value {v}: lift or highlight not from published counts";
                    }
                }
            }

            if (row < k)
            {
                foreach (var h in published.Profiles[row].RelativelyMoreFrequent)
                {
                    var v = Enumerable.Range(0, width).Single(i => Cell(row, i).Value == h.Value);
                    if (Cell(row, v).Suppressed || Cell(row, v).RelativelyMoreFrequent != true)
                    {
                        return $"row {row}: highlight on {h.Value}, which is suppressed or not over-represented by the published counts";
                    }
                }
            }

            // Derivable cells: what the row's total minus its shown cells leaves for the hidden ones (taken exactly, as
            // the gate does), spread over them. Nothing published gives a hidden cell a lower bound (no highlight on a
            // hidden cell), so each hidden cell can be anything up to that remainder: it must not be pinned below ten.
            var hidden = Enumerable.Range(0, width).Where(v => Cell(row, v).Suppressed).ToList();
            var remainder = hidden.Sum(v => Exact(row, v));
            if (hidden.Count == 1 || (hidden.Count > 1 && remainder < 10))
            {
                return $"row {row}: hidden cells {string.Join(',', hidden)} hold {remainder}, derivable";
            }
        }

        // The same per value over the profiles, against the population's count of the value.
        for (var v = 0; v < width; v++)
        {
            var hidden = Enumerable.Range(0, k).Where(j => Cell(j, v).Suppressed).ToList();
            if (population[v].Suppressed)
            {
                if (hidden.Count == 0)
                {
                    return $"value {v}: hidden population count follows from the profiles";
                }

                continue;
            }

            if (hidden.Count == 1 || (hidden.Count > 1 && hidden.Sum(j => Exact(j, v)) < 10))
            {
                return $"value {v}: hidden profile cells derivable from the population count";
            }
        }

        return null;
    }
}
