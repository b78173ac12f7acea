using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Synthetic;
using FsCheck.Fluent;

namespace Datawijs.Domain.Tests.Disclosure;

public sealed class DisclosureGateTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    // Profile 0 has b = 5. Worked out by hand in DisclosureGate's rules:
    // row 0 then hides c (15); column b then hides profile 1's b (20); column c hides profile 1's c (20).
    private static readonly int[][] OneSmallCell = [[40, 5, 15], [20, 20, 20], [30, 30, 30]];

    private static SuppressionReason? ReasonFor(DisclosureReport report, int? profile, string? value) =>
        report.Suppressions.SingleOrDefault(s => s.Profile == profile && s.Item == SuppressedItem.Count && s.Value == value)?.Reason;

    [Fact]
    public void A_count_below_ten_is_suppressed_as_below_threshold()
    {
        var report = DisclosureGate.Check(ProfileFixtures.Describe(Abc, OneSmallCell));

        Assert.Equal(SuppressionReason.BelowThreshold, ReasonFor(report, 0, "b"));
        Assert.True(report.Publishable);
    }

    [Fact]
    public void A_single_suppressed_cell_in_a_profile_makes_the_next_smallest_cell_suppressed_too()
    {
        var report = DisclosureGate.Check(ProfileFixtures.Describe(Abc, OneSmallCell));

        Assert.Equal(SuppressionReason.Secondary, ReasonFor(report, 0, "c"));
        Assert.Null(ReasonFor(report, 0, "a"));
    }

    [Fact]
    public void A_suppressed_cell_cannot_be_derived_from_the_dataset_count_of_its_value()
    {
        var report = DisclosureGate.Check(ProfileFixtures.Describe(Abc, OneSmallCell));

        Assert.Equal(SuppressionReason.Secondary, ReasonFor(report, 1, "b"));
        Assert.Equal(SuppressionReason.Secondary, ReasonFor(report, 1, "c"));
        Assert.Null(ReasonFor(report, 2, "b"));
        Assert.Null(ReasonFor(report, null, "b"));
        Assert.Equal(4, report.Suppressions.Count);
    }

    [Fact]
    public void Suppressed_cells_that_together_hold_fewer_than_ten_get_another_secondary_suppression()
    {
        var set = ProfileFixtures.Describe(["a", "b", "c", "d"], [[40, 3, 4, 13], [20, 20, 20, 20], [30, 30, 30, 30], [25, 25, 25, 25]]);
        var report = DisclosureGate.Check(set);

        Assert.Equal(SuppressionReason.BelowThreshold, ReasonFor(report, 0, "b"));
        Assert.Equal(SuppressionReason.BelowThreshold, ReasonFor(report, 0, "c"));
        Assert.Equal(SuppressionReason.Secondary, ReasonFor(report, 0, "d"));
    }

    [Fact]
    public void Zero_and_hundred_percent_shares_are_not_shown()
    {
        // Profile 0 has nobody with c and everybody... no: profile 1 has only a (100 %).
        var set = ProfileFixtures.Describe(Abc, [[20, 20, 0], [30, 0, 0], [20, 20, 20], [20, 20, 20]]);
        var outcome = DisclosureGate.Apply(set);

        Assert.Equal(SuppressionReason.ExtremeShare, ReasonFor(outcome.Report, 0, "c"));
        Assert.Equal(SuppressionReason.ExtremeShare, ReasonFor(outcome.Report, 1, "a"));
        Assert.Equal(SuppressionReason.ExtremeShare, ReasonFor(outcome.Report, 1, "b"));
        var shares = outcome.ProfileSet!.Profiles.SelectMany(p => p.Categorical).SelectMany(d => d.Cells).Where(c => !c.Suppressed).Select(c => c.SharePercent!.Value);
        Assert.All(shares, s => Assert.InRange(s, 1, 99));
    }

    [Fact]
    public void A_share_that_rounds_to_zero_percent_is_not_shown()
    {
        // 10 of 2,520 households is 0.4 %: shown as "0 %" it would misinform, so it is withheld.
        var set = ProfileFixtures.Describe(["a", "b"], [[10, 2510], [1000, 1000], [1000, 1000]]);
        var report = DisclosureGate.Check(set);

        Assert.Equal(SuppressionReason.ExtremeShare, ReasonFor(report, 0, "a"));
    }

    [Fact]
    public void Counts_are_rounded_to_five_and_shares_follow_the_rounded_counts()
    {
        Assert.Equal(35, DisclosureRules.Default.RoundCount(37));
        Assert.Equal(40, DisclosureRules.Default.RoundCount(38));
        Assert.Equal(15, DisclosureRules.Default.RoundCount(13));
        Assert.Equal(10, DisclosureRules.Default.RoundCount(12));

        var set = ProfileFixtures.Describe(Abc, [[13, 12, 12], [14, 14, 16], [20, 20, 20]]);
        var published = DisclosureGate.Apply(set).ProfileSet!;
        var profile = published.Profiles[0];

        Assert.Equal(35, profile.Households); // 37 households
        Assert.Equal(15, profile.Categorical[0].Cells[0].Households); // 13
        Assert.Equal(10, profile.Categorical[0].Cells[1].Households); // 12
        Assert.Equal(43, profile.Categorical[0].Cells[0].SharePercent); // 15 / 35, not 13 / 37 = 35 %
        Assert.Equal(140, published.TotalHouseholds); // 141
    }

    [Fact]
    public void Numerics_are_published_only_as_rounded_medians()
    {
        var properties = typeof(PublishedMedian).GetProperties().Select(p => p.Name).Order();
        Assert.Equal(["Feature", "Median", "PopulationMedian", "Role"], properties);

        var data = FoodBankHouseholds.Generate(191, seed: 2);
        var labels = new int[191]; // one profile: medians equal the population's
        var set = ProfileDescriber.Describe(data.Matrix, labels, 1);
        var rules = DisclosureRules.Default with { MedianSteps = new Dictionary<string, double> { ["age"] = 5 } };
        var published = DisclosureGate.Apply(set, rules).ProfileSet!;

        var exactIncome = set.Profiles[0].Numeric.Single(n => n.Feature == "disposableIncome").MedianInProfile;
        var income = published.Profiles[0].Medians.Single(m => m.Feature == "disposableIncome").Median!.Value;
        Assert.Equal(rules.RoundMedian("disposableIncome", exactIncome), income);
        Assert.Equal(0, income % 1000); // two significant figures of ~€17,000
        Assert.Equal(0, published.Profiles[0].Medians.Single(m => m.Feature == "age").Median!.Value % 5);
    }

    [Theory]
    [InlineData(17234, 17000)]
    [InlineData(37.5, 38)]
    [InlineData(1.5, 1.5)]
    [InlineData(0.01234, 0.012)]
    [InlineData(-2650, -2700)]
    public void Medians_are_rounded_to_two_significant_figures(double median, double expected)
    {
        Assert.Equal(expected, DisclosureRules.Default.RoundMedian("x", median), 12);
    }

    [Fact]
    public void A_median_over_fewer_than_ten_values_is_suppressed()
    {
        var features = new[]
        {
            new FeatureDefinition("c", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]),
            new FeatureDefinition("x", FeatureType.Numeric, FeatureRole.Clustering, true),
        };
        var x = Enumerable.Range(0, 60).Select(i => i < 30 && i >= 9 ? double.NaN : i).ToArray(); // profile 0: 9 values
        var c = Enumerable.Range(0, 60).Select(i => i % 2).ToArray();
        var labels = Enumerable.Range(0, 60).Select(i => i < 30 ? 0 : 1).ToArray();
        var set = ProfileDescriber.Describe(MixedDataMatrix.FromColumns(features, [c, x]), labels, 2);
        var outcome = DisclosureGate.Apply(set);

        Assert.Contains(outcome.Report.Suppressions, s => s is { Profile: 0, Item: SuppressedItem.Median, Feature: "x", Reason: SuppressionReason.MedianBelowThreshold });
        Assert.Null(outcome.ProfileSet!.Profiles[0].Medians[0].Median);
        Assert.NotNull(outcome.ProfileSet.Profiles[1].Medians[0].Median);
    }

    [Fact]
    public void A_profile_smaller_than_ten_households_blocks_publication()
    {
        var set = ProfileFixtures.Describe(Abc, [[3, 3, 3], [30, 30, 30], [20, 20, 20]]);
        var outcome = DisclosureGate.Apply(set);

        Assert.False(outcome.Report.Publishable);
        Assert.Null(outcome.ProfileSet);
        Assert.Equal([0], outcome.Report.BlockingProfiles);
        Assert.Contains(outcome.Report.Suppressions, s => s is { Profile: 0, Item: SuppressedItem.Profile, Reason: SuppressionReason.ProfileTooSmall });
    }

    [Fact]
    public void A_profile_set_view_model_can_only_be_made_by_the_gate()
    {
        Assert.Empty(typeof(PublishedProfileSet).GetConstructors());
        Assert.Empty(typeof(PublishedProfile).GetConstructors());
    }

    [Fact]
    public void Protected_features_are_published_per_profile_against_the_population()
    {
        var data = FoodBankHouseholds.Generate(1000, seed: 3);
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 2, Seed = 1, SilhouetteSampleSize = 100 }, cancellationToken: TestContext.Current.CancellationToken);
        var published = DisclosureGate.Apply(ProfileDescriber.Describe(data.Matrix, result)).ProfileSet!;

        Assert.All(published.Profiles, p => Assert.Equal("migrationBackground", Assert.Single(p.Protected).Feature));
        Assert.DoesNotContain(published.Profiles.SelectMany(p => p.RelativelyMoreFrequent), h => h.Feature == "migrationBackground");
        Assert.Contains(published.Profiles.SelectMany(p => p.Protected[0].Cells), c => c.PopulationSharePercent is not null);
    }

    [Fact]
    public void The_pilot_sized_demo_can_be_published_with_every_count_at_least_ten_and_rounded_to_five()
    {
        var data = FoodBankHouseholds.Generate(191, seed: 2024);
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 3, Seed = 7, SilhouetteSampleSize = 100 }, cancellationToken: TestContext.Current.CancellationToken);
        var set = ProfileDescriber.Describe(data.Matrix, result);
        var outcome = DisclosureGate.Apply(set);

        Assert.True(outcome.Report.Publishable);
        var published = outcome.ProfileSet!;
        for (var j = 0; j < set.Profiles.Count; j++)
        {
            var exact = set.Profiles[j].Categorical.Concat(set.Profiles[j].Protected).SelectMany(d => d.Cells).ToArray();
            var shown = published.Profiles[j].Categorical.Concat(published.Profiles[j].Protected).SelectMany(d => d.Cells).ToArray();
            for (var i = 0; i < exact.Length; i++)
            {
                if (!shown[i].Suppressed)
                {
                    Assert.True(exact[i].CountInProfile >= 10);
                    Assert.Equal(0, shown[i].Households!.Value % 5);
                }
            }

            // A highlight is only given for a value whose count is shown, with that cell's published lift.
            foreach (var h in published.Profiles[j].RelativelyMoreFrequent)
            {
                var cell = published.Profiles[j].Categorical.Single(d => d.Feature == h.Feature).Cells.Single(c => c.Value == h.Value);
                Assert.False(cell.Suppressed);
                Assert.Equal(cell.Lift, h.Lift);
            }
        }

        // Small profiles lose counts to secondary suppression, and their highlights with them; the set as a whole keeps its description.
        Assert.True(published.Profiles.Count(p => p.RelativelyMoreFrequent.Count > 0) >= 3);
    }

    [Fact]
    public void No_suppressed_count_can_be_derived_from_any_published_total()
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
                    // Skewed so that small and zero cells are common.
                    counts[j][v] = random.Next(4) == 0 ? random.Next(0, 10) : random.Next(0, 60);
                }

                counts[j][0] += 10;
            }

            var set = ProfileFixtures.Describe([.. Enumerable.Range(0, width).Select(v => $"v{v}")], counts);
            var outcome = DisclosureGate.Apply(set);
            return outcome.ProfileSet is null || InvariantsHold(set, outcome);
        });

        property.CheckSeeded();
    }

    private static bool InvariantsHold(ProfileSetDescription set, DisclosureOutcome outcome)
    {
        var published = outcome.ProfileSet!;
        var k = set.Profiles.Count;
        var exact = set.Profiles.Select(p => p.Categorical[0].Cells).ToArray();
        var hidden = published.Profiles.Select(p => p.Categorical[0].Cells.Select(c => c.Suppressed).ToArray()).ToArray();
        var populationHidden = published.Population[0].Cells.Select(c => c.Suppressed).ToArray();
        var width = exact[0].Count;

        bool SafeGroup(IEnumerable<(bool Hidden, int Count)> cells, bool totalHidden)
        {
            var h = cells.Where(c => c.Hidden).ToArray();
            return totalHidden ? h.Length >= 1 : h.Length == 0 || (h.Length >= 2 && h.Sum(c => c.Count) >= 10);
        }

        for (var j = 0; j < k; j++)
        {
            if (!SafeGroup(Enumerable.Range(0, width).Select(v => (hidden[j][v], exact[j][v].CountInProfile)), totalHidden: false))
            {
                return false;
            }

            for (var v = 0; v < width; v++)
            {
                var cell = published.Profiles[j].Categorical[0].Cells[v];
                if (!cell.Suppressed && (exact[j][v].CountInProfile < 10 || cell.Households!.Value % 5 != 0 || cell.SharePercent is <= 0 or >= 100))
                {
                    return false;
                }
            }
        }

        for (var v = 0; v < width; v++)
        {
            if (!SafeGroup(Enumerable.Range(0, k).Select(j => (hidden[j][v], exact[j][v].CountInProfile)), populationHidden[v]))
            {
                return false;
            }
        }

        return true;
    }
}
