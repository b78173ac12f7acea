using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Tests.Clustering;

public sealed class MixedDataMatrixTests
{
    private static readonly FeatureDefinition[] Features =
    [
        new("income", FeatureType.Numeric, FeatureRole.Clustering, true, Min: 0, Max: 100_000),
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, true, ["owner", "rent"]),
        new("region", FeatureType.Categorical, FeatureRole.Descriptive, false),
    ];

    [Fact]
    public void Builder_parses_invariant_numbers_codes_and_missing_cells()
    {
        var builder = new MixedDataMatrixBuilder(Features);
        Assert.True(builder.TryAddRow(["15000.5", "rent", "north"], out _));
        Assert.True(builder.TryAddRow(["", "owner", null], out _));
        Assert.True(builder.TryAddRow(["1e4", null, "south"], out _));
        var m = builder.Build();

        Assert.Equal(3, m.RowCount);
        Assert.Equal(15000.5, m.Numeric(0)[0]);
        Assert.True(double.IsNaN(m.Numeric(0)[1]));
        Assert.Equal([1, 0, MixedDataMatrix.MissingCode], m.Categorical(1).ToArray());
        Assert.Equal(["north", "south"], m.CategoryValues(2));
        Assert.Equal([0, MixedDataMatrix.MissingCode, 1], m.Categorical(2).ToArray());
    }

    [Theory]
    [InlineData("abc", "rent", "x")]
    [InlineData("-5", "rent", "x")]
    [InlineData("100", "castle", "x")]
    public void Builder_refuses_a_bad_row_and_keeps_the_rest(string income, string housing, string region)
    {
        var builder = new MixedDataMatrixBuilder(Features);
        Assert.True(builder.TryAddRow(["1", "rent", "a"], out _));

        Assert.False(builder.TryAddRow([income, housing, region], out var problem));
        Assert.NotNull(problem);
        Assert.Equal(1, builder.Build().RowCount);
        Assert.Equal(["a"], builder.Build().CategoryValues(2));
    }

    [Fact]
    public void From_columns_refuses_codes_outside_the_declared_values()
    {
        Assert.Throws<ArgumentException>(() => MixedDataMatrix.FromColumns(Features[..2], [new double[] { 1 }, new[] { 2 }]));
    }

    [Fact]
    public void Row_returns_every_feature_by_index()
    {
        var m = MixedDataMatrix.FromColumns(Features[..2], [new double[] { 1, 2 }, new[] { 1, 0 }]);
        var row = m.Row(1);

        Assert.Equal(2, row.Number(0));
        Assert.Equal(0, row.Code(1));
        Assert.Equal(MixedDataMatrix.MissingCode, row.Code(0));
    }

    [Fact]
    public void A_numeric_column_of_values_exact_as_floats_is_kept_as_floats_and_reads_back_unchanged()
    {
        double[] income = [15000, 0.5, double.NaN, 16_777_216, -3];
        var m = MixedDataMatrix.FromColumns(Features[..2], [income, new[] { 0, 1, -1, 0, 1 }]);

        Assert.True(m.Numeric(0).IsSinglePrecision);
        Assert.Equal(income, m.Numeric(0).ToArray());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(16_777_217)]
    [InlineData(15000.01)]
    public void A_numeric_column_with_one_value_a_float_cannot_hold_exactly_is_kept_as_doubles(double inexact)
    {
        double[] income = [1, 2, inexact, 4];
        var m = MixedDataMatrix.FromColumns(Features[..2], [income, new[] { 0, 1, 0, 1 }]);

        Assert.False(m.Numeric(0).IsSinglePrecision);
        Assert.Equal(BitConverter.DoubleToInt64Bits(inexact), BitConverter.DoubleToInt64Bits(m.Numeric(0)[2]));
    }

    [Fact]
    public void Categorical_codes_are_kept_as_bytes_with_missing_read_back_as_the_missing_code()
    {
        var m = MixedDataMatrix.FromColumns(Features[..2], [new double[] { 1, 2, 3 }, new byte[] { 1, 255, 0 }]);

        Assert.Equal([1, MixedDataMatrix.MissingCode, 0], m.Categorical(1).ToArray());
        Assert.Equal([1, MixedDataMatrix.MissingCode, 0], m.Categorical(1));
    }

    [Fact]
    public void A_feature_with_more_than_255_values_keeps_its_codes_as_ints()
    {
        var values = Enumerable.Range(0, 300).Select(i => "v" + i).ToArray();
        FeatureDefinition[] features = [new("postcode", FeatureType.Categorical, FeatureRole.Clustering, false, values)];

        var m = MixedDataMatrix.FromColumns(features, [new[] { 299, 255, -1, 0 }]);

        Assert.Equal([299, 255, MixedDataMatrix.MissingCode, 0], m.Categorical(0).ToArray());
        Assert.Throws<ArgumentException>(() => MixedDataMatrix.FromColumns(features, [new byte[] { 1 }]));
    }

    [Fact]
    public void The_compact_form_gives_the_same_bits_as_the_double_and_int_columns_did()
    {
        // Pinned with the code before the compact encoding (z-scores stored as a double copy, codes as ints), on the
        // pilot-shaped households (re-pinned with that code when the demo groups changed):
        // the fit reads floats and bytes now and must still give exactly this cost.
        var data = Datawijs.Domain.Synthetic.FoodBankHouseholds.Generate(20_000, seed: 42);

        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(data.Matrix.Numeric(data.Matrix.IndexOf("age")).IsSinglePrecision);
        Assert.Equal(19434.210931717764, result.Cost);
        Assert.Equal(BitConverter.DoubleToInt64Bits(19434.210931717764), BitConverter.DoubleToInt64Bits(result.Cost));
    }

    [Fact]
    public void The_vectorised_silhouette_gives_the_bits_of_the_scalar_one()
    {
        // Pinned with the scalar silhouette (one pair at a time, sums in sample order), for k given and
        // for k chosen (which keeps the sample's distances): grouping the sample by cluster and
        // vectorising the distances must not change a bit.
        var data = Datawijs.Domain.Synthetic.FoodBankHouseholds.Generate(20_000, seed: 42);

        var given = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 }, cancellationToken: TestContext.Current.CancellationToken);
        var chosen = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { KMin = 2, KMax = 8, Restarts = 1, Seed = 42 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(BitConverter.DoubleToInt64Bits(0.5523823132812224), BitConverter.DoubleToInt64Bits(given.QualityPerK[^1].Silhouette!.Value));
        Assert.Equal(5, chosen.K);
        double[] pinned = [0.4998359620019263, 0.5874880943663104, 0.6014844517451801, 0.6648315951403497, 0.521441201682789, 0.5277846784056315, 0.4368294536407701];
        Assert.Equal(pinned.Select(BitConverter.DoubleToInt64Bits), chosen.QualityPerK.Select(q => BitConverter.DoubleToInt64Bits(q.Silhouette!.Value)));
    }
}
