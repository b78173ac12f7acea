using System.Security.Cryptography;
using System.Text;

namespace Datawijs.Domain.Privacy;

/// <summary>
/// Pseudonymises many subject identifiers with one keyed HMAC instance, without allocating: the same
/// pseudonym as <see cref="Pseudonymiser.Pseudonymise"/>, written as 64 lower-case hex digits in ASCII.
/// Setting up the HMAC key costs more than hashing a short identifier, so an upload keeps one writer.
/// Not thread-safe: one writer per upload.
/// </summary>
public sealed class PseudonymWriter : IDisposable
{
    /// <summary>The length of a pseudonym in characters (and ASCII bytes).</summary>
    public const int Length = 64;

    private const int MacBytes = 32;
    private readonly IncrementalHash hmac;
    private byte[] utf8 = new byte[256];

    internal PseudonymWriter(byte[] key) => hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>Writes the pseudonym of <paramref name="subjectId"/> (trimmed) into the first 64 bytes of <paramref name="destination"/>.</summary>
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
        Span<byte> mac = stackalloc byte[MacBytes];
        hmac.GetHashAndReset(mac);
        for (var i = 0; i < MacBytes; i++)
        {
            destination[2 * i] = Hex(mac[i] >> 4);
            destination[(2 * i) + 1] = Hex(mac[i] & 0xF);
        }
    }

    public void Dispose() => hmac.Dispose();

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
