namespace Datawijs.Data.Datasets;

/// <summary>
/// Takes stored records one at a time as UTF-8 (cells separated by <see cref="DatasetRepository.CellSeparator"/>),
/// straight from the database's own buffer: the span is valid only during the call. Reading a clustering's
/// records this way costs no string per record.
/// </summary>
public interface IStoredRecordSink
{
    void Add(ReadOnlySpan<byte> cells);
}
