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

    public void Add(string subjectPseudonym, string cells)
    {
        _writer.Write(subjectPseudonym);
        _writer.Write(cells);
        Count++;
    }

    /// <summary>The records in the order they were added.</summary>
    public IEnumerable<(string SubjectPseudonym, string Cells)> ReadAll()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++)
        {
            yield return (reader.ReadString(), reader.ReadString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
