using Datawijs.Domain.Privacy;
using Microsoft.Win32.SafeHandles;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Whose each record of one upload is (the subject's pseudonym and the record's place in the upload), handed
/// back in ascending order of the pseudonym for the subject index: collected while the records are spooled, sorted in runs of
/// <see cref="RunLength"/> in memory, each run written to a local file, and the runs merged when they are
/// read. Memory stays flat in the number of records: one run, and a small buffer per run while merging.
/// The file is an <see cref="UnlinkedTempFile"/>. Not thread-safe.
/// </summary>
internal sealed class SubjectRuns : IDisposable
{
    public const int RunLength = 65_536;

    // Each entry: the pseudonym, then the record's place in the upload (8 bytes, little-endian).
    private const int Width = PseudonymWriter.Length + sizeof(long);
    private readonly SafeFileHandle _file;
    private readonly byte[] _run = new byte[RunLength * Width];
    private readonly ulong[] _keys = new ulong[RunLength];
    private readonly int[] _order = new int[RunLength];
    private readonly byte[] _writing = new byte[1024 * Width];
    private readonly List<(long Offset, int Count)> _runs = [];
    private int _count;
    private long _written;

    private SubjectRuns(SafeFileHandle file) => _file = file;

    /// <summary>The entries added.</summary>
    public long Count { get; private set; }

    public static SubjectRuns Create() => new(UnlinkedTempFile.Create("datawijs-subjects-", ".runs"));

    /// <summary>Adds whose record number <paramref name="record"/> of the upload (counted from 0) is: the pseudonym's 32 bytes.</summary>
    public void Add(ReadOnlySpan<byte> pseudonym, long record)
    {
        if (pseudonym.Length != PseudonymWriter.Length)
        {
            throw new ArgumentException($"A pseudonym is {PseudonymWriter.Length} bytes.", nameof(pseudonym));
        }

        var entry = _run.AsSpan(_count * Width, Width);
        pseudonym.CopyTo(entry);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry[PseudonymWriter.Length..], record);
        _keys[_count] = Key(pseudonym);
        _order[_count] = _count;
        Count++;
        if (++_count == RunLength)
        {
            WriteRun();
        }
    }

    /// <summary>
    /// Every entry added, in ascending order of the pseudonym's first 8 bytes (ties, one in 2^64 or a subject
    /// with several records, in any order); each pseudonym is valid until the next entry is read. Read once,
    /// after the last one was added.
    /// </summary>
    public IEnumerable<(ReadOnlyMemory<byte> Pseudonym, long Record)> ReadSorted()
    {
        if (_count > 0)
        {
            WriteRun();
        }

        var merging = new PriorityQueue<RunReader, ulong>(_runs.Count);
        foreach (var (offset, count) in _runs)
        {
            var reader = new RunReader(_file, offset, count);
            if (reader.MoveNext())
            {
                merging.Enqueue(reader, reader.Key);
            }
        }

        while (merging.TryDequeue(out var reader, out _))
        {
            var entry = reader.Current;
            yield return (entry[..PseudonymWriter.Length], System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry.Span[PseudonymWriter.Length..]));
            if (reader.MoveNext())
            {
                merging.Enqueue(reader, reader.Key);
            }
        }
    }

    public void Dispose() => _file.Dispose();

    // The first 8 bytes as a big-endian number: the same order as the bytes.
    private static ulong Key(ReadOnlySpan<byte> pseudonym) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(pseudonym);

    private void WriteRun()
    {
        Array.Sort(_keys, _order, 0, _count);
        var sorted = _writing;
        var start = _written;
        for (var i = 0; i < _count;)
        {
            var take = Math.Min(_count - i, sorted.Length / Width);
            for (var j = 0; j < take; j++)
            {
                _run.AsSpan(_order[i + j] * Width, Width).CopyTo(sorted.AsSpan(j * Width));
            }

            RandomAccess.Write(_file, sorted.AsSpan(0, take * Width), _written);
            _written += take * Width;
            i += take;
        }

        _runs.Add((start, _count));
        _count = 0;
    }

    // One run being merged: reads its part of the file a buffer at a time.
    private sealed class RunReader(SafeFileHandle file, long offset, int count)
    {
        private readonly byte[] _buffer = new byte[256 * Width];
        private int _left = count;
        private long _next = offset;
        private int _at;
        private int _held;

        public ReadOnlyMemory<byte> Current => _buffer.AsMemory(_at, Width);

        public ulong Key => SubjectRuns.Key(_buffer.AsSpan(_at, Width));

        public bool MoveNext()
        {
            _at += Width;
            if (_at < _held)
            {
                return true;
            }

            if (_left == 0)
            {
                return false;
            }

            var take = Math.Min(_left, _buffer.Length / Width) * Width;
            var read = 0;
            while (read < take)
            {
                var got = RandomAccess.Read(file, _buffer.AsSpan(read, take - read), _next + read);
                read += got > 0 ? got : throw new InvalidDataException("The upload's subject runs are damaged.");
            }

            _next += take;
            _left -= take / Width;
            _held = take;
            _at = 0;
            return true;
        }
    }
}
