using System.Text.Json;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Domain.Tests.Datasets;

public sealed class DataQualityAccumulatorTests
{
    private static DataQualityAccumulator Accumulate(MixedDataMatrix matrix)
    {
        var accumulator = new DataQualityAccumulator(matrix.Features);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            var row = matrix.Row(i);
            accumulator.Add(row.Codes.ToArray(), row.Numbers.ToArray());
        }

        return accumulator;
    }

    [Theory]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(23, 3)]
    [InlineData(191, 4)]
    [InlineData(2_000, 5)]
    public void Streaming_report_equals_the_exact_report_of_the_whole_matrix(int households, long seed)
    {
        var matrix = WithMissingValues(FoodBankHouseholds.Generate(households, seed).Matrix, seed);

        var streamed = Accumulate(matrix).Report();
        var exact = DataQualityReport.Create(matrix);

        Assert.Equal(JsonSerializer.Serialize(exact), JsonSerializer.Serialize(streamed));
    }

    [Fact]
    public void Quartiles_of_few_distinct_values_are_exact_order_statistics_with_interpolation()
    {
        var distribution = new NumericDistribution();
        foreach (var x in new[] { 4.0, 1, 3, 2, 2, -0.0, 10 })
        {
            distribution.Add(x);
        }

        // Sorted: 0 1 2 2 3 4 10 -> type 7: h = 6p.
        Assert.True(distribution.IsExact);
        Assert.Equal(1.5, distribution.Quantile(0.25));
        Assert.Equal(2, distribution.Quantile(0.5));
        Assert.Equal(3.5, distribution.Quantile(0.75));
        Assert.Equal(0, distribution.Quantile(0));
        Assert.Equal(10, distribution.Quantile(1));
    }

    [Fact]
    public void Past_the_exact_limit_every_quantile_stays_within_the_documented_relative_error()
    {
        var random = new Random(11);
        var values = new double[200_000];
        var distribution = new NumericDistribution();
        for (var i = 0; i < values.Length; i++)
        {
            // Incomes with cents, a few zeros and negatives (debts): far more distinct values than the exact limit.
            values[i] = i % 97 == 0 ? 0 : i % 89 == 0 ? -random.Next(1, 5_000) - random.NextDouble() : Math.Round(Math.Exp(9.8 + (0.4 * Gaussian(random))), 2);
            distribution.Add(values[i]);
        }

        Array.Sort(values);
        Assert.False(distribution.IsExact);
        Assert.Equal(NumericDistribution.InitialRelativeAccuracy, distribution.RelativeAccuracy);
        foreach (var p in new[] { 0.01, 0.25, 0.5, 0.75, 0.99 })
        {
            var exact = Exact(values, p);
            var estimate = distribution.Quantile(p);
            Assert.True(Math.Abs(estimate - exact) <= distribution.RelativeAccuracy * Math.Abs(exact) + 1e-9, $"p={p}: {estimate} vs {exact}");
        }
    }

    [Fact]
    public void Memory_stays_bounded_when_values_spread_over_every_magnitude()
    {
        var distribution = new NumericDistribution();
        var random = new Random(3);
        for (var i = 0; i < 300_000; i++)
        {
            distribution.Add(Math.Pow(10, (random.NextDouble() * 80) - 40));
        }

        // Over 80 orders of magnitude the sketch had to merge buckets: coarser, but still a bounded relative error.
        Assert.True(distribution.RelativeAccuracy > NumericDistribution.InitialRelativeAccuracy);
        Assert.True(distribution.RelativeAccuracy < 0.01);
        var median = distribution.Quantile(0.5);
        Assert.InRange(Math.Log10(median), -1, 1);
    }

    [Theory]
    [InlineData(0, 2_000)]
    [InlineData(1, 2_000)]
    [InlineData(700, 1_300)]
    [InlineData(2_000, 0)]
    public void Counts_added_together_give_the_report_of_counting_every_household_in_one(int first, int second)
    {
        var matrix = WithMissingValues(FoodBankHouseholds.Generate(first + second, 7).Matrix, 7);
        var together = new DataQualityAccumulator(matrix.Features);
        var part = new DataQualityAccumulator(matrix.Features);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            var row = matrix.Row(i);
            (i < first ? together : part).Add(row.Codes.ToArray(), row.Numbers.ToArray());
        }

        together.Add(part);

        Assert.Equal(first + second, together.Households);
        Assert.Equal(JsonSerializer.Serialize(DataQualityReport.Create(matrix)), JsonSerializer.Serialize(together.Report()));
    }

    [Fact]
    public void Counts_made_for_other_features_are_refused()
    {
        var households = FoodBankHouseholds.Generate(10, 1).Matrix;
        var counts = new DataQualityAccumulator(households.Features);

        Assert.Throws<ArgumentException>(() => counts.Add(new DataQualityAccumulator(households.Features.Skip(1).ToList())));
    }

    [Theory]
    [InlineData(50_000, 50_000)] // both exact, together past the exact limit
    [InlineData(150_000, 20)] // a sketch and an exact one
    [InlineData(20, 150_000)] // an exact one and a sketch
    [InlineData(120_000, 120_000)] // two sketches
    public void Distributions_added_together_stay_within_the_documented_relative_error(int first, int second)
    {
        var random = new Random(first + second);
        var values = new double[first + second];
        var together = new NumericDistribution();
        var part = new NumericDistribution();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 89 == 0 ? -random.Next(1, 5_000) - random.NextDouble() : Math.Round(Math.Exp(9.8 + (0.4 * Gaussian(random))), 2);
            (i < first ? together : part).Add(values[i]);
        }

        together.Add(part);

        Array.Sort(values);
        Assert.Equal(values.Length, together.Count);
        Assert.False(together.IsExact);
        foreach (var p in new[] { 0.0, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0 })
        {
            var exact = Exact(values, p);
            var estimate = together.Quantile(p);
            Assert.True(Math.Abs(estimate - exact) <= together.RelativeAccuracy * Math.Abs(exact) + 1e-9, $"p={p}: {estimate} vs {exact}");
        }
    }

    [Fact]
    public void A_coarser_sketch_added_to_a_finer_one_makes_it_as_coarse()
    {
        var fine = new NumericDistribution();
        var coarse = new NumericDistribution();
        var random = new Random(5);
        for (var i = 0; i < 100_000; i++)
        {
            fine.Add(1 + random.NextDouble());
            coarse.Add(Math.Pow(10, (random.NextDouble() * 80) - 40));
        }

        fine.Add(coarse);

        Assert.Equal(coarse.RelativeAccuracy, fine.RelativeAccuracy);
        Assert.Equal(200_000, fine.Count);
        Assert.InRange(fine.Quantile(0.75), 1, 2 * (1 + fine.RelativeAccuracy));
    }

    private static double Exact(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // Every 7th cell of a feature (shifted per feature) made missing, so missing counts are tested too.
    private static MixedDataMatrix WithMissingValues(MixedDataMatrix matrix, long seed)
    {
        var columns = new List<Array>();
        for (var f = 0; f < matrix.Features.Count; f++)
        {
            if (matrix.Features[f].Type == FeatureType.Numeric)
            {
                var column = matrix.Numeric(f).ToArray();
                for (var i = (int)((f + seed) % 7); i < column.Length; i += 7)
                {
                    column[i] = double.NaN;
                }

                columns.Add(column);
            }
            else
            {
                var column = matrix.Categorical(f).ToArray();
                for (var i = (int)((f + seed) % 7); i < column.Length; i += 7)
                {
                    column[i] = MixedDataMatrix.MissingCode;
                }

                columns.Add(column);
            }
        }

        return MixedDataMatrix.FromColumns(matrix.Features, columns);
    }
}
