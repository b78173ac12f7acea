namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>
/// Checked records on their way from the thread that reads and checks them to the one that pseudonymises
/// and spools them: each record's canonical subject id, its categorical codes and its numbers, back to
/// back in reused buffers. A batch is reused for the whole upload; it allocates only when a subject id is
/// longer than any before it.
/// </summary>
internal sealed class RecordBatch
{
    public const int Capacity = 1024;

    private readonly int _features;
    private readonly int[] _codes;
    private readonly double[] _numbers;
    private readonly int[] _subjectStart = new int[Capacity];
    private readonly int[] _subjectLength = new int[Capacity];
    private char[] _subjects = new char[Capacity * 16];
    private int _used;

    public RecordBatch(int featureCount)
    {
        _features = featureCount;
        _codes = new int[Capacity * featureCount];
        _numbers = new double[Capacity * featureCount];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Copies a checked record in; the spans may be reused as soon as this returns.</summary>
    public void Add(ReadOnlySpan<char> subject, ReadOnlySpan<int> codes, ReadOnlySpan<double> numbers)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("The batch is full.");
        }

        if (_used + subject.Length > _subjects.Length)
        {
            Array.Resize(ref _subjects, Math.Max(_used + subject.Length, 2 * _subjects.Length));
        }

        subject.CopyTo(_subjects.AsSpan(_used));
        _subjectStart[Count] = _used;
        _subjectLength[Count] = subject.Length;
        _used += subject.Length;
        codes[.._features].CopyTo(_codes.AsSpan(Count * _features));
        numbers[.._features].CopyTo(_numbers.AsSpan(Count * _features));
        Count++;
    }

    /// <summary>Every subject id, back to back: id i is <see cref="SubjectLengths"/>[i] characters from <see cref="SubjectStarts"/>[i].</summary>
    public ReadOnlySpan<char> Subjects => _subjects.AsSpan(0, _used);

    public ReadOnlySpan<int> SubjectStarts => _subjectStart.AsSpan(0, Count);

    public ReadOnlySpan<int> SubjectLengths => _subjectLength.AsSpan(0, Count);

    public ReadOnlySpan<int> Codes(int index) => _codes.AsSpan(index * _features, _features);

    public ReadOnlySpan<double> Numbers(int index) => _numbers.AsSpan(index * _features, _features);

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }
}
