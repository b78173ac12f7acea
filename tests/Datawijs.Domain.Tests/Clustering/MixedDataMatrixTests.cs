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
}
