using Microsoft.Win32.SafeHandles;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// A new file in the temp folder that only this process can reach and that never outlives it: on Unix
/// it is unlinked as soon as it is open, so that not even a killed process leaves it behind; on Windows
/// the OS deletes it when the handle closes.
/// </summary>
internal static class UnlinkedTempFile
{
    public static SafeFileHandle Create(string prefix, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N") + extension);
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
