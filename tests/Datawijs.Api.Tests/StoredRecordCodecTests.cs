using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Tests;

public sealed class StoredRecordCodecTests
{
    private static readonly IReadOnlyList<FeatureDefinition> Features =
    [
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["rent", "own"]),
        new("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true),
    ];

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("15000")]
    [InlineData("-42")]
    [InlineData("0.1")]
    [InlineData("15000.5")]
    [InlineData("999999999999999")]
    [InlineData("1e15")]
    [InlineData("-1e15")]
    [InlineData("1e300")]
    [InlineData("4.9406564584124654E-324")]
    public void Numbers_are_stored_in_round_trip_form_and_read_back_the_same(string text)
    {
        var x = double.Parse(text, CultureInfo.InvariantCulture);
        var codec = new StoredRecordCodec(new RecordSchema(Features));

        var stored = System.Text.Encoding.UTF8.GetString(codec.Write([1, MixedDataMatrix.MissingCode], [double.NaN, x]).Span);

        Assert.Equal("own\u001f" + x.ToString("R", CultureInfo.InvariantCulture), stored);
        var codes = new int[2];
        var numbers = new double[2];
        codec.Read(stored, codes, numbers);
        Assert.Equal([1, MixedDataMatrix.MissingCode], codes);
        Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(numbers[1]));
    }

    [Fact]
    public void Missing_values_are_empty_cells()
    {
        var codec = new StoredRecordCodec(new RecordSchema(Features));

        Assert.Equal("\u001f", System.Text.Encoding.UTF8.GetString(codec.Write([MixedDataMatrix.MissingCode, MixedDataMatrix.MissingCode], [double.NaN, double.NaN]).Span));
    }
}
