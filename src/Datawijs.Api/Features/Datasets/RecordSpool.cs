using System.Text;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// The checked, pseudonymised records of one upload, kept in a local file between reading the request
/// body and writing them to the database, so that memory stays flat in the number of rows. The file is
/// removed on dispose; on Unix it is unlinked as soon as it is open, so that not even a killed process
/// leaves it behind (on Windows the OS deletes it when the handle closes).
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

    public static RecordSpool Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "datawijs-upload-" + Guid.NewGuid().ToString("N") + ".spool");
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
        });
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return new RecordSpool(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Add(ReadOnlySpan<byte> subjectPseudonym, ReadOnlySpan<char> cells)
    {
        _writer.Write(subjectPseudonym.Length);
        _writer.Write(subjectPseudonym);
        var bytes = Encoding.UTF8.GetByteCount(cells);
        _writer.Write(bytes);
        if (bytes <= 1024)
        {
            Span<byte> encoded = stackalloc byte[bytes];
            Encoding.UTF8.GetBytes(cells, encoded);
            _writer.Write(encoded);
        }
        else
        {
            _writer.Write(Encoding.UTF8.GetBytes(cells.ToArray()));
        }

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
        private byte[] _pseudonym = new byte[64];
        private byte[] _encoded = new byte[256];
        private char[] _cells = new char[256];
        private long _read;

        public bool TryRead(out ReadOnlyMemory<byte> subjectPseudonym, out ReadOnlyMemory<char> cells)
        {
            subjectPseudonym = default;
            cells = default;
            if (_read == count)
            {
                return false;
            }

            _read++;
            var pseudonymLength = ReadLength();
            Grow(ref _pseudonym, pseudonymLength);
            file.ReadExactly(_pseudonym, 0, pseudonymLength);
            subjectPseudonym = new ReadOnlyMemory<byte>(_pseudonym, 0, pseudonymLength);

            var encodedLength = ReadLength();
            Grow(ref _encoded, encodedLength);
            file.ReadExactly(_encoded, 0, encodedLength);
            Grow(ref _cells, encodedLength);
            var chars = Encoding.UTF8.GetChars(_encoded, 0, encodedLength, _cells, 0);
            cells = new ReadOnlyMemory<char>(_cells, 0, chars);
            return true;
        }

        private int ReadLength()
        {
            Span<byte> length = stackalloc byte[4];
            file.ReadExactly(length);
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(length);
            return value < 0 ? throw new InvalidDataException("The upload spool is damaged.") : value;
        }

        private static void Grow<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new T[Math.Max(length, buffer.Length * 2)];
            }
        }
    }
}
