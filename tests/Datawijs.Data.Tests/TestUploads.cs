using System.Security.Cryptography;
using System.Text;
using Datawijs.Data.Datasets;

namespace Datawijs.Data.Tests;

/// <summary>Uploads as the API makes them: the records, then whose each one is in ascending order of the pseudonym.</summary>
internal static class TestUploads
{
    /// <summary>A stand-in pseudonym (64 hex digits) for a readable label, the same for the same label.</summary>
    public static string P(string label) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    /// <summary>Adds the records numbered from <paramref name="firstRow"/> on, then their subjects in ascending order.</summary>
    public static async Task AddWithSubjectsAsync(this RecordUpload upload, long firstRow, IReadOnlyList<string> pseudonyms, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            await upload.AddAsync(firstRow + i, Encoding.UTF8.GetBytes(cells[i]));
        }

        foreach (var i in Enumerable.Range(0, cells.Count).OrderBy(i => pseudonyms[i], StringComparer.Ordinal))
        {
            await upload.AddSubjectAsync(Convert.FromHexString(pseudonyms[i]), firstRow + i);
        }
    }
}
