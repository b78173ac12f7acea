using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Domain.Tests.Clustering;

public sealed class KPrototypesTests
{
    private static readonly KPrototypesOptions FiveClusters = new() { K = 5, Restarts = 3, Seed = 7, SilhouetteSampleSize = 200 };

    [Fact]
    public void Same_seed_gives_identical_labels_cost_and_prototypes_with_one_and_many_threads()
    {
        // More rows than a few chunks, so the parallel path really splits the work.
        var data = FoodBankHouseholds.Generate((2 * KPrototypes.ChunkSize) + 123, seed: 11).Matrix;
        var options = FiveClusters with { Restarts = 2 };
        var single = KPrototypes.Fit(data, options with { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var many = KPrototypes.Fit(data, options with { MaxDegreeOfParallelism = 8 }, cancellationToken: TestContext.Current.CancellationToken);
        var again = KPrototypes.Fit(data, options, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var other in new[] { many, again })
        {
            Assert.True(single.Labels.SequenceEqual(other.Labels));
            Assert.Equal(BitConverter.DoubleToInt64Bits(single.Cost), BitConverter.DoubleToInt64Bits(other.Cost));
            Assert.Equal(single.QualityPerK[0].Silhouette, other.QualityPerK[0].Silhouette);
            for (var j = 0; j < single.K; j++)
            {
                Assert.Equal(single.Model.Centroids[j].NumericStandardised, other.Model.Centroids[j].NumericStandardised);
                Assert.Equal(single.Model.Centroids[j].CategoryCodes, other.Model.Centroids[j].CategoryCodes);
            }
        }
    }

    [Fact]
    public void Keeping_the_loaded_rows_or_loading_them_at_every_pass_gives_the_same_bits()
    {
        // 10,000 rows: three chunks, the last one partial.
        var data = FoodBankHouseholds.Generate(10_000, seed: 7).Matrix;
        var kept = KPrototypes.Fit(data, new KPrototypesOptions { K = 4, Restarts = 2, Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var loaded = KPrototypes.Fit(data, new KPrototypesOptions { K = 4, Restarts = 2, Seed = 3, KeptBytes = 0 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(BitConverter.DoubleToInt64Bits(kept.Cost), BitConverter.DoubleToInt64Bits(loaded.Cost));
        Assert.Equal(kept.Labels.ToArray(), loaded.Labels.ToArray());
        Assert.Equal(kept.QualityPerK.Select(q => q.Silhouette), loaded.QualityPerK.Select(q => q.Silhouette));
    }

    [Fact]
    public void The_labels_of_a_best_restart_that_is_not_the_last_are_its_own_after_later_restarts_wrote_theirs()
    {
        // Find a seed whose best restart is not the last one (later restarts overwrite the shared labels array);
        // the same fit stopped at that restart makes it the last one, so its labels were never put aside.
        var data = FoodBankHouseholds.Generate(3_000, seed: 11).Matrix;
        var ct = TestContext.Current.CancellationToken;
        var seed = Enumerable.Range(1, 50).First(s =>
            KPrototypes.Fit(data, new KPrototypesOptions { K = 5, Restarts = 4, Seed = s }, cancellationToken: ct).QualityPerK[0].BestRestart < 3);
        var all = KPrototypes.Fit(data, new KPrototypesOptions { K = 5, Restarts = 4, Seed = seed }, cancellationToken: ct);
        var best = all.QualityPerK[0].BestRestart;

        var upToBest = KPrototypes.Fit(data, new KPrototypesOptions { K = 5, Restarts = best + 1, Seed = seed }, cancellationToken: ct);

        Assert.Equal(best, upToBest.QualityPerK[0].BestRestart);
        Assert.Equal(BitConverter.DoubleToInt64Bits(upToBest.Cost), BitConverter.DoubleToInt64Bits(all.Cost));
        Assert.Equal(upToBest.Labels.ToArray(), all.Labels.ToArray());
        Assert.Equal(upToBest.ClusterSizes, all.ClusterSizes);
    }

    [Fact]
    public void A_different_seed_starts_differently_but_the_same_seed_never_does()
    {
        var data = FoodBankHouseholds.Generate(600, seed: 3).Matrix;
        var options = new KPrototypesOptions { K = 8, Restarts = 1, Seed = 1 };
        var a = KPrototypes.Fit(data, options, cancellationToken: TestContext.Current.CancellationToken);
        var b = KPrototypes.Fit(data, options with { Seed = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var c = KPrototypes.Fit(data, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(a.Labels.SequenceEqual(c.Labels));
        Assert.False(a.Labels.SequenceEqual(b.Labels)); // with 8 clusters on 5 groups the seed matters
    }

    [Fact]
    public void Planted_groups_of_the_pilot_sized_dataset_are_recovered()
    {
        var data = FoodBankHouseholds.Generate(191, seed: 2024);
        var result = KPrototypes.Fit(data.Matrix, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups) >= 0.95);
    }

    [Fact]
    public void Planted_groups_of_a_larger_dataset_are_recovered()
    {
        var data = FoodBankHouseholds.Generate(5_000, seed: 5);
        var result = KPrototypes.Fit(data.Matrix, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups) >= 0.95);
    }

    [Fact]
    public void Silhouette_picks_the_planted_number_of_groups_on_clear_data()
    {
        var data = FoodBankHouseholds.Generate(800, seed: 9).Matrix;
        var result = KPrototypes.Fit(data, new KPrototypesOptions { KMin = 2, KMax = 7, Restarts = 2, Seed = 4, SilhouetteSampleSize = 500 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, result.K);
        Assert.Null(result.RequestedK);
        Assert.Equal([2, 3, 4, 5, 6, 7], result.QualityPerK.Select(q => q.K));
        Assert.All(result.QualityPerK, q => Assert.NotNull(q.Silhouette));
        Assert.Equal(result.QualityPerK.Max(q => q.Silhouette), result.QualityPerK.Single(q => q.K == 5).Silhouette);
    }

    [Fact]
    public void Default_gamma_is_half_the_mean_standard_deviation_of_the_standardised_numerics()
    {
        var data = FoodBankHouseholds.Generate(300, seed: 1).Matrix;
        var result = KPrototypes.Fit(data, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.5, result.Gamma);
    }

    [Fact]
    public void A_constant_numeric_column_counts_as_standard_deviation_zero_in_the_default_gamma()
    {
        var features = new FeatureDefinition[]
        {
            new("x", FeatureType.Numeric, FeatureRole.Clustering, true),
            new("constant", FeatureType.Numeric, FeatureRole.Clustering, true),
            new("c", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]),
        };
        var n = 40;
        var x = Enumerable.Range(0, n).Select(i => (double)(i % 2 * 10)).ToArray();
        var matrix = MixedDataMatrix.FromColumns(features, [x, Enumerable.Repeat(3.0, n).ToArray(), Enumerable.Range(0, n).Select(i => i % 2).ToArray()]);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { K = 2, Restarts = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.25, result.Gamma);
        Assert.Equal(1.0, result.Standardisation[1].StandardDeviation);
    }

    [Fact]
    public void Gamma_can_be_overridden_and_is_used_in_every_distance()
    {
        var data = FoodBankHouseholds.Generate(500, seed: 8).Matrix;
        var result = KPrototypes.Fit(data, FiveClusters with { Gamma = 2.0 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2.0, result.Gamma);
        var labels = result.Labels.ToArray();
        double cost = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            cost += result.Model.Distance(data.Row(i), labels[i]);
        }

        Assert.Equal(cost, result.Cost, 6);
    }

    [Fact]
    public void Scalar_distance_and_terms_agree_bit_for_bit_with_the_fit_assignment()
    {
        // 1,003 rows: the last eleven are handled by the scalar tail after the SIMD body's 16-row blocks.
        var data = FoodBankHouseholds.Generate(1003, seed: 12).Matrix;
        var result = KPrototypes.Fit(data, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);
        var labels = result.Labels.ToArray();

        for (var i = 0; i < data.RowCount; i++)
        {
            var row = data.Row(i);
            var assignment = result.Model.Assign(row);
            Assert.Equal(labels[i], assignment.Cluster);
            var terms = result.Model.Terms(row, labels[i]);
            Assert.Equal(assignment.Distances[labels[i]], terms.Sum(t => t.Contribution), 9);
        }
    }

    [Fact]
    public void Standardisation_parameters_are_the_mean_and_population_sd_of_each_numeric_clustering_feature()
    {
        var data = FoodBankHouseholds.Generate(400, seed: 21).Matrix;
        var result = KPrototypes.Fit(data, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["disposableIncome", "children", "age"], result.Standardisation.Select(s => s.Feature));
        var income = data.Numeric(1).ToArray();
        var mean = income.Average();
        Assert.Equal(mean, result.Standardisation[0].Mean, 6);
        Assert.Equal(Math.Sqrt(income.Select(v => (v - mean) * (v - mean)).Average()), result.Standardisation[0].StandardDeviation, 6);
        var c = result.Model.Centroids[0];
        Assert.Equal(result.Standardisation[0].Unstandardise(c.NumericStandardised[0]), c.NumericRaw[0], 9);
        Assert.Equal(data.CategoryValues(0)[c.CategoryCodes[0]], c.CategoryValues[0]);
    }

    [Fact]
    public void Protected_and_descriptive_features_never_change_a_label()
    {
        var data = FoodBankHouseholds.Generate(800, seed: 31);
        var features = data.Features.Select(f => f.Name == "wmoSupport" ? f with { Role = FeatureRole.Descriptive } : f).ToArray();
        var columns = Columns(data.Matrix);
        var original = MixedDataMatrix.FromColumns(features, columns);
        var scrambled = (Array[])columns.Clone();
        scrambled[9] = ((int[])columns[9]).Select(v => 2 - v).ToArray(); // migration background (protected)
        scrambled[7] = ((int[])columns[7]).Select(v => 1 - v).ToArray(); // WMO support, now descriptive
        var changed = MixedDataMatrix.FromColumns(features, scrambled);

        var a = KPrototypes.Fit(original, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);
        var b = KPrototypes.Fit(changed, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(a.Labels.SequenceEqual(b.Labels));
        Assert.Equal(a.Cost, b.Cost);
        Assert.DoesNotContain(a.Model.Categoricals, c => c.Feature is "migrationBackground" or "wmoSupport");
    }

    [Fact]
    public void Changing_a_clustering_feature_does_change_labels()
    {
        // The counterpart of the protected-feature test: proves that test could fail.
        var data = FoodBankHouseholds.Generate(800, seed: 31);
        var columns = Columns(data.Matrix);
        var scrambled = (Array[])columns.Clone();
        scrambled[0] = ((int[])columns[0]).Select((v, i) => i % 3 == 0 ? (v + 1) % 4 : v).ToArray();
        var a = KPrototypes.Fit(data.Matrix, FiveClusters, cancellationToken: TestContext.Current.CancellationToken);
        var b = KPrototypes.Fit(MixedDataMatrix.FromColumns(data.Features, scrambled), FiveClusters, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(a.Labels.SequenceEqual(b.Labels) && a.Cost == b.Cost);
    }

    [Fact]
    public void A_given_k_that_leaves_a_cluster_below_ten_households_is_lowered_and_reported()
    {
        var matrix = TwoGroupsAndOutliers(groupSize: 50, outliers: 6);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { K = 3, Restarts = 3, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.RequestedK);
        Assert.Equal(2, result.K);
        Assert.True(result.MeetsMinimumClusterSize);
        Assert.All(result.ClusterSizes, s => Assert.True(s >= 10));
        Assert.Contains(result.Notes, n => n.Code == ClusteringNote.KReduced);
        // The notes are shown to the data owner: they say "fewer than 10", never the size of a small cell.
        Assert.All(result.Notes, n => Assert.DoesNotContain("6", n.Message, StringComparison.Ordinal));
        var k3 = result.QualityPerK.Single(q => q.K == 3);
        Assert.False(k3.MeetsMinimumClusterSize);
        Assert.Equal(6, k3.SmallestClusterSize);
    }

    [Fact]
    public void Choosing_k_skips_every_k_with_a_cluster_below_the_minimum()
    {
        var matrix = TwoGroupsAndOutliers(groupSize: 50, outliers: 6);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { KMin = 2, KMax = 4, Restarts = 3, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.K);
        Assert.All(result.ClusterSizes, s => Assert.True(s >= 10));
        Assert.Contains(result.Notes, n => n.Code == ClusteringNote.KSkipped);
        Assert.All(result.Notes, n => Assert.DoesNotContain("6", n.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_minimum_the_outliers_would_form_their_own_cluster()
    {
        var matrix = TwoGroupsAndOutliers(groupSize: 50, outliers: 6);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { K = 3, Restarts = 3, Seed = 1, MinClusterSize = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.K);
        Assert.Contains(6, result.ClusterSizes);
    }

    [Fact]
    public void A_dataset_smaller_than_the_minimum_is_reported_as_unpublishable()
    {
        var matrix = TwoGroupsAndOutliers(groupSize: 3, outliers: 2);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { K = 2, Restarts = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.K);
        Assert.False(result.MeetsMinimumClusterSize);
        Assert.Contains(result.Notes, n => n.Code == ClusteringNote.DatasetTooSmall);
    }

    [Fact]
    public void Missing_values_skip_their_term_and_are_left_out_of_prototypes()
    {
        var features = new FeatureDefinition[]
        {
            new("x", FeatureType.Numeric, FeatureRole.Clustering, true),
            new("c", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]),
        };
        var x = new double[43];
        var c = new int[43];
        for (var i = 0; i < 43; i++)
        {
            x[i] = i < 20 ? 0 + (i % 3) : 100 + (i % 3);
            c[i] = i < 20 ? 0 : 1;
        }

        x[5] = double.NaN; // in the SIMD body
        c[25] = MixedDataMatrix.MissingCode;
        x[41] = double.NaN; // in the scalar tail
        c[42] = MixedDataMatrix.MissingCode;
        var matrix = MixedDataMatrix.FromColumns(features, [x, c]);
        var result = KPrototypes.Fit(matrix, new KPrototypesOptions { K = 2, Restarts = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var labels = result.Labels.ToArray();

        Assert.Equal(labels[0], labels[5]); // categorical still places it
        Assert.Equal(labels[39], labels[25]); // numeric still places it
        Assert.Equal(labels[39], labels[41]);
        Assert.Equal(labels[39], labels[42]);
        Assert.All(result.Model.Centroids, ce => Assert.False(double.IsNaN(ce.NumericRaw[0])));
        var row = matrix.Row(5);
        var terms = result.Model.Terms(row, 0);
        Assert.True(terms[0].Missing);
        Assert.Equal(0.0, terms[0].Contribution);
        Assert.Equal(result.Model.Distance(row, 1 - labels[5]), result.Gamma);
    }

    [Fact]
    public void Progress_is_reported_and_ends_at_one()
    {
        var data = FoodBankHouseholds.Generate(300, seed: 1).Matrix;
        var reports = new List<ClusteringProgress>();
        KPrototypes.Fit(data, FiveClusters, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Contains(reports, r => r.Phase == "fitting");
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
    }

    [Fact]
    public void A_cancelled_fit_stops_with_operation_cancelled()
    {
        var data = FoodBankHouseholds.Generate(300, seed: 1).Matrix;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => KPrototypes.Fit(data, FiveClusters, cancellationToken: cts.Token));
    }

    [Fact]
    public void Invalid_options_are_listed_all_at_once()
    {
        var problems = new KPrototypesOptions { K = 0, Restarts = 0, Gamma = -1 }.Validate(100);

        Assert.Equal(3, problems.Count);
        Assert.Empty(new KPrototypesOptions().Validate(100));
    }

    [Fact]
    public void A_dataset_without_clustering_features_is_refused()
    {
        var features = new[] { new FeatureDefinition("x", FeatureType.Numeric, FeatureRole.Descriptive, true) };
        var matrix = MixedDataMatrix.FromColumns(features, [Enumerable.Range(0, 50).Select(i => (double)i).ToArray()]);

        Assert.Single(KPrototypes.Validate(matrix, FiveClusters));
        Assert.Throws<ArgumentException>(() => KPrototypes.Fit(matrix, FiveClusters, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Random_initialisation_also_recovers_clear_groups()
    {
        var data = FoodBankHouseholds.Generate(1000, seed: 17);
        var result = KPrototypes.Fit(data.Matrix, FiveClusters with { Initialisation = PrototypeInitialisation.Random, Restarts = 8 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups) >= 0.9);
    }

    [Fact]
    public void A_stored_model_rebuilt_from_its_parts_assigns_exactly_like_the_fitted_one()
    {
        var data = FoodBankHouseholds.Generate(300, seed: 6).Matrix;
        var fitted = KPrototypes.Fit(data, FiveClusters, cancellationToken: TestContext.Current.CancellationToken).Model;
        var rebuilt = new ClusterModel(
            fitted.Features,
            [.. fitted.Numerics.Select(n => n with { })],
            [.. fitted.Categoricals],
            fitted.Gamma,
            [.. fitted.Centroids.Select(c => c with { NumericStandardised = [.. c.NumericStandardised] })]);

        for (var i = 0; i < data.RowCount; i++)
        {
            Assert.Equal(fitted.Assign(data.Row(i)).Distances, rebuilt.Assign(data.Row(i)).Distances);
        }

        Assert.Throws<ArgumentException>(() => new ClusterModel(fitted.Features, fitted.Numerics, fitted.Categoricals, fitted.Gamma, [fitted.Centroids[1]]));
    }

    [Fact]
    public void A_household_given_by_feature_name_is_encoded_and_assigned()
    {
        var data = FoodBankHouseholds.Generate(300, seed: 6).Matrix;
        var model = KPrototypes.Fit(data, FiveClusters, cancellationToken: TestContext.Current.CancellationToken).Model;
        var values = new Dictionary<string, string?>
        {
            ["benefitType"] = "socialAssistance",
            ["disposableIncome"] = "15100",
            ["education"] = "low",
            ["housing"] = "rentWithAllowance",
            ["householdType"] = "singleParent",
            ["children"] = "2",
            ["youthCare"] = "yes",
            ["wmoSupport"] = "no",
            ["age"] = "30",
            ["migrationBackground"] = null,
        };

        Assert.True(model.TryEncode(values, out var row, out var problems), string.Join("; ", problems));
        var cluster = model.Assign(row).Cluster;
        Assert.Equal("singleParent", model.Centroids[cluster].CategoryValues[model.Categoricals.ToList().FindIndex(c => c.Feature == "householdType")]);
        Assert.False(model.TryEncode(new Dictionary<string, string?> { ["housing"] = "castle", ["shoeSize"] = "44" }, out _, out problems));
        Assert.Equal(2, problems.Count);
    }

    internal static Array[] Columns(MixedDataMatrix m) =>
        [.. m.Features.Select((f, i) => f.Type == FeatureType.Numeric ? (Array)m.Numeric(i).ToArray() : m.Categorical(i).ToArray())];

    /// <summary>Two clear groups and a few far-away households.</summary>
    internal static MixedDataMatrix TwoGroupsAndOutliers(int groupSize, int outliers)
    {
        var features = new FeatureDefinition[]
        {
            new("x", FeatureType.Numeric, FeatureRole.Clustering, true),
            new("c", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b", "c"]),
        };
        var n = (2 * groupSize) + outliers;
        var x = new double[n];
        var c = new int[n];
        for (var i = 0; i < n; i++)
        {
            var group = i < groupSize ? 0 : i < 2 * groupSize ? 1 : 2;
            x[i] = (group switch { 0 => 0, 1 => 10, _ => 25 }) + (i % 5 * 0.1);
            c[i] = group;
        }

        return MixedDataMatrix.FromColumns(features, [x, c]);
    }

    private sealed class SyncProgress(Action<ClusteringProgress> report) : IProgress<ClusteringProgress>
    {
        public void Report(ClusteringProgress value) => report(value);
    }
}
