using System.Text;
using Datawijs.Api.Features.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Tests;

public sealed class MatrixLoaderTests
{
    private static readonly IReadOnlyList<FeatureDefinition> Features =
    [
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["rent", "own"]),
        new("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true, Min: -10, Max: 100_000),
        new("age", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false),
    ];

    [Fact]
    public void Stored_records_are_read_into_the_same_values_the_text_builder_gives()
    {
        string[] stored = ["rent\u001f15000\u001f40", "own\u001f0.1\u001f", "\u001f-0\u001f41", "own\u001f\u001f-7", "rent\u001f99999.99\u001f1e2"];

        var loaded = Load(stored, capacity: stored.Length);

        var builder = new MixedDataMatrixBuilder(Features);
        foreach (var record in stored)
        {
            var cells = record.Split('\u001f').Select(c => c.Length == 0 ? null : c).ToArray();
            Assert.True(builder.TryAddRow(cells, out _));
        }

        var expected = builder.Build();
        Assert.Equal(expected.RowCount, loaded.RowCount);
        Assert.Equal(expected.Categorical(0).ToArray(), loaded.Categorical(0).ToArray());
        for (var f = 1; f < 3; f++)
        {
            Assert.Equal(
                expected.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits),
                loaded.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void A_column_turns_to_doubles_at_its_first_value_a_float_cannot_hold_and_keeps_the_values_before_it()
    {
        var loaded = Load(["rent\u001f15000\u001f40", "rent\u001f16000\u001f41", "own\u001f0.1\u001f42"], capacity: 16);

        Assert.False(loaded.Numeric(1).IsSinglePrecision);
        Assert.Equal([15000, 16000, 0.1], loaded.Numeric(1).ToArray());
        Assert.True(loaded.Numeric(2).IsSinglePrecision);
        Assert.Equal([40, 41, 42], loaded.Numeric(2).ToArray());
    }

    [Fact]
    public void Parts_filled_at_the_same_time_give_the_matrix_of_one_whole_read_closing_the_gaps_of_left_out_rows()
    {
        // Three parts of six row numbers each; some rows are left out (as an upheld objection does), and a value a
        // float cannot hold turns the income column to doubles in the middle part only.
        string[][] parts =
        [
            ["rent\u001f15000\u001f40", "own\u001f16000\u001f", "\u001f\u001f41", "own\u001f0\u001f-7"],
            ["rent\u001f17000\u001f50", "rent\u001f99999.99\u001f51", "own\u001f-0\u001f52", "own\u001f12\u001f53", "rent\u001f13\u001f54", "own\u001f14\u001f55"],
            ["own\u001f18000\u001f60"],
        ];

        var whole = Load(parts.SelectMany(p => p), capacity: 16);
        var columns = new MatrixLoader.ColumnsBuilder(Features, 18);
        var sinks = Enumerable.Range(0, 3).Select(p => columns.Part(p * 6, 6)).ToArray();
        Parallel.For(0, 3, p =>
        {
            foreach (var record in parts[p])
            {
                sinks[p].Add(Encoding.UTF8.GetBytes(record));
            }
        });
        var loaded = columns.Build();

        Assert.Equal(11, loaded.RowCount);
        Assert.Equal(whole.Categorical(0).ToArray(), loaded.Categorical(0).ToArray());
        Assert.False(loaded.Numeric(1).IsSinglePrecision);
        Assert.True(loaded.Numeric(2).IsSinglePrecision);
        for (var f = 1; f < 3; f++)
        {
            Assert.Equal(
                whole.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits),
                loaded.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Equal([15000, 16000, double.NaN, 0, 17000, 99999.99, -0.0, 12, 13, 14, 18000], loaded.Numeric(1).ToArray());
    }

    [Fact]
    public void A_part_refuses_more_records_than_its_range_of_row_numbers_and_parts_must_follow_one_another()
    {
        var columns = new MatrixLoader.ColumnsBuilder(Features, 4);
        var first = columns.Part(0, 1);
        first.Add(Encoding.UTF8.GetBytes("rent\u001f1\u001f1"));

        Assert.Throws<InvalidOperationException>(() => first.Add(Encoding.UTF8.GetBytes("rent\u001f1\u001f1")));
        Assert.Throws<InvalidOperationException>(() => columns.Part(2, 2));
        Assert.Throws<InvalidOperationException>(() => columns.Part(1, 4));
    }

    [Theory]
    [InlineData("castle\u001f1\u001f1")]
    [InlineData("rent\u001fabc\u001f1")]
    [InlineData("rent\u001f100001\u001f1")]
    public void A_stored_record_that_does_not_match_the_features_stops_the_load(string record)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => Load(["own\u001f1\u001f1", record], capacity: 16));

        Assert.StartsWith("A stored record does not match the dataset's features", problem.Message, StringComparison.Ordinal);
    }

    private static MixedDataMatrix Load(IEnumerable<string> stored, int capacity)
    {
        // One part over all the columns: what a dataset too small to split is read as.
        var columns = new MatrixLoader.ColumnsBuilder(Features, capacity);
        var part = columns.Part(0, capacity);
        foreach (var record in stored)
        {
            part.Add(Encoding.UTF8.GetBytes(record));
        }

        return columns.Build();
    }
}
