using System.Buffers.Binary;

namespace Datawijs.Data.Datasets;

/// <summary>
/// Walks the records of one stored block (<see cref="RecordBlock"/>) without copying: after each
/// <see cref="MoveNext"/> that returns true, <see cref="Row"/> and <see cref="Cells"/> describe one record. A block whose bytes do not hold exactly its count of records
/// is refused with <see cref="InvalidDataException"/>, never read past.
/// </summary>
public ref struct RecordBlockReader
{
    private readonly ReadOnlySpan<byte> _records;
    private readonly int _count;
    private int _read;
    private int _at;

    public RecordBlockReader(ReadOnlySpan<byte> records, long firstRow, int count)
    {
        if (count is < 1 or > RecordBlock.MaxRecords)
        {
            throw new InvalidDataException($"A stored block holds 1 to {RecordBlock.MaxRecords} records, not {count}.");
        }

        _records = records;
        _count = count;
        Row = firstRow - 1;
    }

    public long Row { get; private set; }

    public ReadOnlySpan<byte> Cells { get; private set; }

    public bool MoveNext()
    {
        if (_read == _count)
        {
            if (_at != _records.Length)
            {
                throw new InvalidDataException("A stored block has bytes after its last record.");
            }

            return false;
        }

        var rest = _records[_at..];
        if (rest.Length < RecordBlock.RecordOverhead)
        {
            throw new InvalidDataException("A stored block ends inside a record.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(rest);
        if (length < 0 || length > rest.Length - RecordBlock.RecordOverhead)
        {
            throw new InvalidDataException("A stored block ends inside a record.");
        }

        Cells = rest.Slice(RecordBlock.RecordOverhead, length);
        _at += RecordBlock.RecordOverhead + length;
        _read++;
        Row++;
        return true;
    }
}
