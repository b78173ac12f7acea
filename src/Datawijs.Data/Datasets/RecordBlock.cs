using System.Buffers.Binary;

namespace Datawijs.Data.Datasets;

/// <summary>
/// How records are stored: in blocks of up to <see cref="MaxRecords"/> consecutive rows, one database row
/// per block. Each record in a block is the length of its cells in bytes (4 bytes, big-endian) and its cells
/// (UTF-8, in stored form). Whose record it is, is kept apart, with the record's row number (the subject
/// index). A row per block instead of a row per record, without the dataset's id and the pseudonym's 64 hex
/// digits in every row, takes a third of the space and of the writing (see docs/profiles.md, "Storage").
/// </summary>
public static class RecordBlock
{
    /// <summary>The most records in one block (the migrations' CHECK constraints hold the same number).</summary>
    public const int MaxRecords = 128;

    /// <summary>What each record adds to a block besides its cells.</summary>
    public const int RecordOverhead = 4;

    /// <summary>Writes one record at the start of <paramref name="into"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> into, ReadOnlySpan<byte> cells)
    {
        BinaryPrimitives.WriteInt32BigEndian(into, cells.Length);
        cells.CopyTo(into[RecordOverhead..]);
        return RecordOverhead + cells.Length;
    }

    /// <summary>The records of a block as stored, in row order.</summary>
    public static RecordBlockReader Read(ReadOnlySpan<byte> records, long firstRow, int count) => new(records, firstRow, count);
}
