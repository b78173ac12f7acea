namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// Records as read, copied back to back into one reused buffer, so that reading the body and checking the
/// records can run on two threads: the reader fills one batch while the previous one is checked. A batch
/// is reused for the whole upload; it allocates only when a record is larger than any before it.
/// </summary>
internal sealed class RecordBatch
{
    public const int Capacity = 1024;

    private readonly int _fields; // the subject id, then the cells in declared feature order
    private readonly long[] _rows = new long[Capacity];
    private readonly int[] _starts;
    private readonly int[] _lengths; // -1: not given
    private readonly List<(int Record, RecordProblem[] Problems)> _problems = [];
    private char[] _text = new char[16 * 1024];
    private int _used;
    private int _nextProblem;

    public RecordBatch(int featureCount)
    {
        _fields = featureCount + 1;
        _starts = new int[Capacity * _fields];
        _lengths = new int[Capacity * _fields];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Copies <paramref name="record"/> in; its buffers may be reused as soon as this returns.</summary>
    public void Add(UploadedRecord record)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("The batch is full.");
        }

        _rows[Count] = record.Row;
        var at = Count * _fields;
        Copy(at, record.SubjectId);
        for (var f = 0; f < record.FeatureCount; f++)
        {
            Copy(at + 1 + f, record.Cell(f));
        }

        if (record.Problems.Count > 0)
        {
            _problems.Add((Count, [.. record.Problems]));
        }

        Count++;
    }

    /// <summary>Makes <paramref name="record"/> the <paramref name="index"/>-th record again, as it was read (call in order).</summary>
    public void Fill(int index, UploadedRecord record)
    {
        record.Start(_rows[index]);
        if (_nextProblem < _problems.Count && _problems[_nextProblem].Record == index)
        {
            foreach (var problem in _problems[_nextProblem++].Problems)
            {
                record.AddProblem(problem.Column, problem.Code, problem.Reason);
            }
        }

        var at = index * _fields;
        record.SubjectId = Field(at);
        for (var f = 0; f < record.FeatureCount; f++)
        {
            record.SetCell(f, Field(at + 1 + f));
        }
    }

    public void Clear()
    {
        Count = 0;
        _used = 0;
        _nextProblem = 0;
        _problems.Clear();
    }

    private void Copy(int field, ReadOnlyMemory<char>? value)
    {
        if (value is not { } text)
        {
            _lengths[field] = -1;
            return;
        }

        if (_used + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_used + text.Length, 2 * _text.Length));
        }

        text.Span.CopyTo(_text.AsSpan(_used));
        _starts[field] = _used;
        _lengths[field] = text.Length;
        _used += text.Length;
    }

    // Not `cond ? null : memory`: null would turn into an empty ReadOnlyMemory (through char[]), and a cell
    // not given is not the same as an empty one.
    private ReadOnlyMemory<char>? Field(int field) =>
        _lengths[field] < 0 ? (ReadOnlyMemory<char>?)null : _text.AsMemory(_starts[field], _lengths[field]);
}
