using System.Text;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// The checked, pseudonymised records of one upload, kept in a local file between reading the request
/// body and writing them to the database, so that memory stays flat in the number of rows. The file is an
/// <see cref="UnlinkedTempFile"/>.
/// </summary>
public sealed class RecordSpool : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    private RecordSpool(FileStream file)
    {
        _file = file;
        _writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
    }

    public long Count { get; private set; }

    public static RecordSpool Create() =>
        new(new FileStream(UnlinkedTempFile.Create("datawijs-upload-", ".spool"), FileAccess.ReadWrite, bufferSize: 1 << 16));

    /// <summary>Adds one record: its cells in stored form (UTF-8). Whose record it is goes to the <see cref="SubjectRuns"/>.</summary>
    public void Add(ReadOnlySpan<byte> cells)
    {
        _writer.Write(cells.Length);
        _writer.Write(cells);
        Count++;
    }

    /// <summary>Reads the records back in the order they were added, each into reused buffers.</summary>
    public Reader Read()
    {
        _writer.Flush();
        _file.Position = 0;
        return new Reader(_file, Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }

    /// <summary>One pass over the spool; the memory it hands out is valid until the next call.</summary>
    public sealed class Reader(FileStream file, long count)
    {
        private byte[] _cells = new byte[256];
        private long _read;

        public bool TryRead(out ReadOnlyMemory<byte> cells)
        {
            cells = default;
            if (_read == count)
            {
                return false;
            }

            _read++;
            var cellsLength = ReadLength();
            Grow(ref _cells, cellsLength);
            file.ReadExactly(_cells, 0, cellsLength);
            cells = new ReadOnlyMemory<byte>(_cells, 0, cellsLength);
            return true;
        }

        private int ReadLength()
        {
            Span<byte> length = stackalloc byte[4];
            file.ReadExactly(length);
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(length);
            return value < 0 ? throw new InvalidDataException("The upload spool is damaged.") : value;
        }

        private static void Grow(ref byte[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }
        }
    }
}
