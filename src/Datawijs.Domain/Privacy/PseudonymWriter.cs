using System.Security.Cryptography;
using System.Text;

namespace Datawijs.Domain.Privacy;

/// <summary>
/// Pseudonymises many subject identifiers with one keyed HMAC instance, without allocating: the same
/// pseudonym as <see cref="Pseudonymiser.Pseudonymise"/>, written as its 32 bytes (the HMAC-SHA-256 that
/// <see cref="Pseudonymiser.Pseudonymise"/> shows as 64 hex digits), the form in which records are stored.
/// Setting up the HMAC key costs more than hashing a short identifier, so an upload keeps one writer,
/// and pseudonymises a batch of identifiers at a time (<see cref="WriteMany"/>). Not thread-safe: one
/// writer per upload.
/// </summary>
public sealed class PseudonymWriter : IDisposable
{
    /// <summary>The length of a pseudonym in bytes.</summary>
    public const int Length = 32;

    private readonly IncrementalHash hmac;
    private readonly HmacSha256x8 eightAtOnce;
    private readonly byte[] lanes = new byte[HmacSha256x8.Lanes * HmacSha256x8.MaxMessageBytes];
    private readonly int[] laneStart = new int[HmacSha256x8.Lanes];
    private readonly int[] laneLength = new int[HmacSha256x8.Lanes];
    private readonly int[] laneSubject = new int[HmacSha256x8.Lanes];
    private readonly byte[] laneMacs = new byte[HmacSha256x8.Lanes * Length];
    private byte[] utf8 = new byte[256];

    internal PseudonymWriter(byte[] key)
    {
        hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        eightAtOnce = new HmacSha256x8(key);
    }

    /// <summary>Writes the pseudonym of <paramref name="subjectId"/> (trimmed) into the first 32 bytes of <paramref name="destination"/>.</summary>
    public void Write(ReadOnlySpan<char> subjectId, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        var trimmed = subjectId.Trim();
        var max = Encoding.UTF8.GetMaxByteCount(trimmed.Length);
        if (utf8.Length < max)
        {
            utf8 = new byte[max];
        }

        var length = Encoding.UTF8.GetBytes(trimmed, utf8);
        hmac.AppendData(utf8, 0, length);
        hmac.GetHashAndReset(destination[..Length]);
    }

    /// <summary>
    /// Writes the pseudonyms of <paramref name="starts"/>.Length subject ids (each trimmed) at once, 32 bytes
    /// each, one after the other in <paramref name="destination"/>: the same pseudonyms as <see cref="Write"/>,
    /// eight at a time (<see cref="HmacSha256x8"/>) where the processor has the vectors for it. Subject id i
    /// is <paramref name="lengths"/>[i] characters of <paramref name="subjects"/> from <paramref name="starts"/>[i].
    /// </summary>
    public void WriteMany(ReadOnlySpan<char> subjects, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(lengths.Length, starts.Length, nameof(lengths));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length * starts.Length, nameof(destination));
        var used = 0;
        var filled = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var subject = subjects.Slice(starts[i], lengths[i]).Trim();
            if (!HmacSha256x8.IsAccelerated
                || (Encoding.UTF8.GetMaxByteCount(subject.Length) > HmacSha256x8.MaxMessageBytes && Encoding.UTF8.GetByteCount(subject) > HmacSha256x8.MaxMessageBytes))
            {
                Write(subject, destination.Slice(Length * i, Length)); // too long for one block: one at a time
                continue;
            }

            laneStart[filled] = used;
            laneLength[filled] = Encoding.UTF8.GetBytes(subject, lanes.AsSpan(used));
            laneSubject[filled] = i;
            used += laneLength[filled];
            if (++filled == HmacSha256x8.Lanes)
            {
                WriteLanes(filled, destination);
                used = 0;
                filled = 0;
            }
        }

        if (filled > 0)
        {
            WriteLanes(filled, destination);
        }
    }

    public void Dispose() => hmac.Dispose();

    private void WriteLanes(int filled, Span<byte> destination)
    {
        eightAtOnce.Compute(lanes, laneStart.AsSpan(0, filled), laneLength.AsSpan(0, filled), laneMacs);
        for (var lane = 0; lane < filled; lane++)
        {
            laneMacs.AsSpan(Length * lane, Length).CopyTo(destination.Slice(Length * laneSubject[lane], Length));
        }
    }
}
