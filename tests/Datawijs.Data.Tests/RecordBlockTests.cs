using System.Text;
using Datawijs.Data.Datasets;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Tests;

public sealed class RecordBlockTests
{
    [Fact]
    public void A_block_gives_back_every_record_with_its_row_and_cells_exactly()
    {
        var builder = new RecordBlockBuilder();
        var expected = new List<(long Row, string Cells)>();
        for (var i = 0; i < RecordBlock.MaxRecords; i++)
        {
            var cells = (i % 5) switch
            {
                0 => "",
                1 => "é ✓\u001f\u001f" + i,
                2 => new string('x', 3_000 + i), // grows the buffer
                _ => "a\u001f" + i,
            };
            Assert.True(builder.TryAdd(1_000 + i, Encoding.UTF8.GetBytes(cells)));
            expected.Add((1_000 + i, cells));
        }

        Assert.True(builder.IsFull);
        Assert.False(builder.TryAdd(1_000 + RecordBlock.MaxRecords, []));

        var read = new List<(long Row, string Cells)>();
        var records = RecordBlock.Read(builder.Memory.Span, builder.FirstRow, builder.Count);
        while (records.MoveNext())
        {
            read.Add((records.Row, Encoding.UTF8.GetString(records.Cells)));
        }

        Assert.Equal(expected, read);

        builder.Clear();
        Assert.Equal(0, builder.Count);
        Assert.True(builder.TryAdd(7, "b"u8));
        Assert.False(builder.TryAdd(9, "c"u8)); // not the next row
        Assert.True(builder.TryAdd(8, "c"u8));
    }

    [Fact]
    public void A_block_whose_bytes_do_not_hold_its_count_of_records_is_refused_not_read_past()
    {
        var builder = new RecordBlockBuilder();
        builder.TryAdd(1, "ab"u8);
        builder.TryAdd(2, "cd"u8);
        var block = builder.Memory.ToArray();

        Assert.Equal(2, Count(block, 2));
        Assert.Throws<InvalidDataException>(() => Count(block, 3)); // fewer records than counted
        Assert.Throws<InvalidDataException>(() => Count(block, 1)); // bytes left after the last
        Assert.Throws<InvalidDataException>(() => Count(block[..^1], 2)); // cut inside the cells
        Assert.Throws<InvalidDataException>(() => Count(block[..2], 1)); // cut inside the length
        Assert.Throws<InvalidDataException>(() => Count(block, 0));
        Assert.Throws<InvalidDataException>(() => Count(block, RecordBlock.MaxRecords + 1));

        var negative = block.ToArray();
        negative[0] = 0x80; // a length below zero
        Assert.Throws<InvalidDataException>(() => Count(negative, 2));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void The_database_holds_blocks_to_the_size_the_ranged_reads_count_on(DatabaseProvider provider)
    {
        // A ranged read looks for the blocks holding row From among those starting after From - MaxRecords.
        var migration = MigrationRunner.ScriptNames(provider).Single(name => name.EndsWith("0011_record_blocks.sql", StringComparison.Ordinal));
        Assert.Contains($"BETWEEN 1 AND {RecordBlock.MaxRecords})", MigrationRunner.ReadScript(migration), StringComparison.Ordinal);
    }

    private static int Count(byte[] block, int count)
    {
        var read = 0;
        var records = RecordBlock.Read(block, 1, count);
        while (records.MoveNext())
        {
            read++;
        }

        return read;
    }
}
