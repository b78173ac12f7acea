namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// One record as read, reused for every record of an upload so that reading allocates nothing per row:
/// its number, subject id and cells (declared feature order) point into the reader's buffers and are
/// valid until the next read. A null cell was not given (NDJSON null or left out); an empty one was empty.
/// </summary>
public sealed class UploadedRecord(int featureCount)
{
    private readonly ReadOnlyMemory<char>?[] _cells = new ReadOnlyMemory<char>?[featureCount];
    private readonly List<RecordProblem> _problems = [];

    /// <summary>1 = the first record (blank lines are not counted).</summary>
    public long Row { get; private set; }

    public ReadOnlyMemory<char>? SubjectId { get; set; }

    public int FeatureCount => _cells.Length;

    /// <summary>What makes the record unusable as read (format problems; values are checked later).</summary>
    public IReadOnlyList<RecordProblem> Problems => _problems;

    public ReadOnlyMemory<char>? Cell(int featureIndex) => _cells[featureIndex];

    public void SetCell(int featureIndex, ReadOnlyMemory<char>? value) => _cells[featureIndex] = value;

    public void AddProblem(string? column, string code, string reason) => _problems.Add(new RecordProblem(Row, column, code, reason));

    /// <summary>Starts record <paramref name="row"/>: no subject, no cells, no problems.</summary>
    public void Start(long row)
    {
        Row = row;
        SubjectId = null;
        Array.Clear(_cells);
        _problems.Clear();
    }
}
