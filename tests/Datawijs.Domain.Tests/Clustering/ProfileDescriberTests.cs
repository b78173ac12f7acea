using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Tests.Disclosure;

namespace Datawijs.Domain.Tests.Clustering;

public sealed class ProfileDescriberTests
{
    [Fact]
    public void Shares_and_lift_compare_the_profile_with_the_whole_dataset()
    {
        // Profile 0: 30 of 40 have a; dataset: 40 of 100.
        var set = ProfileFixtures.Describe(["a", "b"], [[30, 10], [10, 50]]);
        var a = set.Profiles[0].Categorical[0].Cells[0];

        Assert.Equal(40, a.ProfileTotal);
        Assert.Equal(100, a.PopulationTotal);
        Assert.Equal(0.75, a.ShareInProfile);
        Assert.Equal(0.4, a.ShareInPopulation);
        Assert.Equal(1.875, a.Lift, 12);
    }

    [Fact]
    public void The_z_test_compares_the_profile_with_the_rest_of_the_dataset()
    {
        // 30/40 against 10/60: pooled 0.4, standard error sqrt(0.24 × (1/40 + 1/60)) = 0.1.
        var set = ProfileFixtures.Describe(["a", "b"], [[30, 10], [10, 50]]);
        var a = set.Profiles[0].Categorical[0].Cells[0];

        Assert.Equal((0.75 - (10.0 / 60)) / 0.1, a.ZScore, 9);
        Assert.True(a.PValue < 1e-6);
        Assert.True(a.RelativelyMoreFrequent);
        Assert.False(set.Profiles[0].Categorical[0].Cells[1].RelativelyMoreFrequent); // b is less frequent
    }

    [Fact]
    public void The_p_value_is_two_sided_normal()
    {
        Assert.Equal(0.05, ProfileDescriber.TwoSidedPValue(1.959964), 6);
        Assert.Equal(0.05, ProfileDescriber.TwoSidedPValue(-1.959964), 6);
        Assert.Equal(0.0026998, ProfileDescriber.TwoSidedPValue(3), 6);
        Assert.Equal(1.0, ProfileDescriber.TwoProportionZTest(5, 10, 50, 100).PValue, 12);
    }

    [Fact]
    public void A_slightly_higher_share_that_is_not_significant_is_not_listed_as_more_frequent()
    {
        var set = ProfileFixtures.Describe(["a", "b"], [[9, 11], [40, 60]]); // 45 % against 40 %
        var a = set.Profiles[0].Categorical[0].Cells[0];

        Assert.True(a.Lift > 1);
        Assert.True(a.PValue > 0.05);
        Assert.False(a.RelativelyMoreFrequent);
        Assert.Empty(set.Profiles[0].RelativelyMoreFrequent);
    }

    [Fact]
    public void Relatively_more_frequent_values_are_listed_strongest_first_without_protected_features()
    {
        var features = new[]
        {
            new FeatureDefinition("weak", FeatureType.Categorical, FeatureRole.Clustering, true, ["x", "y"]),
            new FeatureDefinition("strong", FeatureType.Categorical, FeatureRole.Descriptive, true, ["x", "y"]),
            new FeatureDefinition("origin", FeatureType.Categorical, FeatureRole.Protected, false, ["p", "q"]),
        };
        var n = 200;
        var labels = Enumerable.Range(0, n).Select(i => i < 100 ? 0 : 1).ToArray();
        var weak = Enumerable.Range(0, n).Select(i => i < 100 ? (i < 70 ? 0 : 1) : (i < 140 ? 0 : 1)).ToArray();
        var strong = Enumerable.Range(0, n).Select(i => i < 100 ? (i < 95 ? 0 : 1) : (i < 110 ? 0 : 1)).ToArray();
        var origin = strong;
        var matrix = MixedDataMatrix.FromColumns(features, [weak, strong, origin]);
        var profile = ProfileDescriber.Describe(matrix, labels, 2).Profiles[0];

        Assert.Equal(["strong", "weak"], profile.RelativelyMoreFrequent.Select(h => h.Feature));
        Assert.Equal(["weak", "strong"], profile.Categorical.Select(d => d.Feature));
        Assert.Equal("origin", Assert.Single(profile.Protected).Feature);
        Assert.True(profile.Protected[0].Cells[0].RelativelyMoreFrequent); // over-representation is still visible
    }

    [Fact]
    public void Numeric_features_are_described_by_the_median_in_the_profile_and_overall()
    {
        var features = new[] { new FeatureDefinition("x", FeatureType.Numeric, FeatureRole.Clustering, true) };
        var matrix = MixedDataMatrix.FromColumns(features, [new double[] { 1, 2, 3, 4, 100, 200, double.NaN }]);
        var set = ProfileDescriber.Describe(matrix, [0, 0, 0, 0, 1, 1, 1], 2);

        Assert.Equal(2.5, set.Profiles[0].Numeric[0].MedianInProfile);
        Assert.Equal(150, set.Profiles[1].Numeric[0].MedianInProfile);
        Assert.Equal(2, set.Profiles[1].Numeric[0].CountInProfile);
        Assert.Equal(3.5, set.Profiles[0].Numeric[0].MedianInPopulation);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 4)]
    [InlineData(17, 1_000)]
    [InlineData(5_000, 3)]
    [InlineData(5_001, 16)]
    [InlineData(20_000, 20_000)]
    [InlineData(5_001, 16, true)]
    [InlineData(20_000, 20_000, true)]
    public void Medians_are_those_of_the_sorted_values_also_with_many_repeated_values(int rows, int distinct, bool tenths = false)
    {
        // Whole numbers from a small range repeat a value many times (as ages or children do); the
        // selection must give what sorting gave, for odd and even counts, in every profile.
        var random = new Random(rows + distinct);
        var column = new double[rows];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            column[i] = i % 97 == 0 ? double.NaN : random.Next(distinct) - (distinct / 2) + (tenths ? 0.1 : 0);
            labels[i] = random.Next(3) == 0 ? 0 : 1 + (i % 2);
        }

        var features = new[] { new FeatureDefinition("x", FeatureType.Numeric, FeatureRole.Clustering, true) };
        var matrix = MixedDataMatrix.FromColumns(features, [column]);
        Assert.Equal(!tenths, matrix.Numeric(0).IsSinglePrecision); // both stored forms are described
        var set = ProfileDescriber.Describe(matrix, labels, 3);

        static double SortedMedian(IEnumerable<double> values)
        {
            var sorted = values.Where(x => !double.IsNaN(x)).Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Assert.Equal(SortedMedian(column), set.Profiles[0].Numeric[0].MedianInPopulation);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(SortedMedian(column.Where((_, i) => labels[i] == j)), set.Profiles[j].Numeric[0].MedianInProfile);
        }
    }

    [Fact]
    public void A_fit_described_on_several_threads_gives_exactly_the_description_from_its_labels_on_one()
    {
        var data = Datawijs.Domain.Synthetic.FoodBankHouseholds.Generate(3_000, seed: 7);
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 1, Seed = 7 });

        var byFeatureAtOnce = ProfileDescriber.Describe(data.Matrix, result);
        var oneByOne = ProfileDescriber.Describe(data.Matrix, result.Labels, result.K);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(oneByOne), System.Text.Json.JsonSerializer.Serialize(byFeatureAtOnce));
        Assert.Contains(byFeatureAtOnce.Profiles, p => p.Numeric.Count > 0 && p.Categorical.Count > 0);
    }

    [Fact]
    public void An_unknown_cell_appears_only_when_the_dataset_has_missing_values()
    {
        var features = new[] { new FeatureDefinition("c", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]) };
        var complete = ProfileDescriber.Describe(MixedDataMatrix.FromColumns(features, [new[] { 0, 1, 0, 1 }]), [0, 0, 1, 1], 2);
        var missing = ProfileDescriber.Describe(MixedDataMatrix.FromColumns(features, [new[] { 0, -1, 0, 1 }]), [0, 0, 1, 1], 2);

        Assert.Equal(2, complete.Profiles[0].Categorical[0].Cells.Count);
        var unknown = missing.Profiles[0].Categorical[0].Cells[^1];
        Assert.Null(unknown.Value);
        Assert.Equal(1, unknown.CountInProfile);
    }
}
