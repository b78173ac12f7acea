namespace Datawijs.Data.Datasets;

/// <summary>
/// Collects consecutive records into one block (<see cref="RecordBlock"/>) in a buffer that is reused
/// from block to block. The caller writes the block when it <see cref="IsFull"/> (or at the end) and then
/// calls <see cref="Clear"/>.
/// </summary>
public sealed class RecordBlockBuilder
{
    private byte[] _buffer = new byte[RecordBlock.MaxRecords * 128];

    public long FirstRow { get; private set; }

    public int Count { get; private set; }

    public int Length { get; private set; }

    public bool IsFull => Count == RecordBlock.MaxRecords;

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>
    /// Adds the record numbered <paramref name="row"/>. Returns false, adding nothing, when the block is full or
    /// the row does not follow the block's last one: then write the block, <see cref="Clear"/> it and add again.
    /// </summary>
    public bool TryAdd(long row, ReadOnlySpan<byte> cells)
    {
        if (Count > 0 && (IsFull || row != FirstRow + Count))
        {
            return false;
        }

        var needed = Length + RecordBlock.RecordOverhead + cells.Length;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, 2 * _buffer.Length));
        }

        Length += RecordBlock.Write(_buffer.AsSpan(Length), cells);
        if (Count++ == 0)
        {
            FirstRow = row;
        }

        return true;
    }

    public void Clear()
    {
        Count = 0;
        Length = 0;
    }
}
