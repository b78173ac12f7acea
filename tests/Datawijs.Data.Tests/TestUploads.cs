using System.Security.Cryptography;
using System.Text;
using Datawijs.Data.Datasets;

namespace Datawijs.Data.Tests;

/// <summary>Uploads as the API makes them: one pseudonym per record, and the subjects handed over in ascending order.</summary>
internal static class TestUploads
{
    /// <summary>A stand-in pseudonym (64 hex digits) for a readable label, the same for the same label.</summary>
    public static string P(string label) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    /// <summary>Adds the records numbered from <paramref name="firstRow"/> on, then their subjects in ascending order.</summary>
    public static async Task AddWithSubjectsAsync(this RecordUpload upload, long firstRow, IReadOnlyList<string> pseudonyms, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            await upload.AddAsync(firstRow + i, pseudonyms[i], cells[i]);
        }

        foreach (var pseudonym in pseudonyms.Order(StringComparer.Ordinal))
        {
            await upload.AddSubjectAsync(Convert.FromHexString(pseudonym));
        }
    }
}
