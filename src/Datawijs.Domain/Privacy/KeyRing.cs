using System.Security.Cryptography;
using System.Text;

namespace Datawijs.Domain.Privacy;

/// <summary>
/// Derives purpose-bound keys from the installation's master key, which lives outside the
/// database (configuration or a secret store). A copy of the database alone therefore cannot
/// reverse a pseudonym by trying every BSN, nor recompute a client secret.
/// </summary>
public sealed class KeyRing
{
    public const int MinimumMasterKeyBytes = 32;

    private readonly byte[] _masterKey;

    public KeyRing(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length < MinimumMasterKeyBytes)
        {
            throw new ArgumentException($"The master key must be at least {MinimumMasterKeyBytes} bytes.", nameof(masterKey));
        }

        _masterKey = masterKey.ToArray();
    }

    /// <summary>HKDF-Expand-style derivation: a different purpose gives an unrelated key.</summary>
    public byte[] Derive(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return HMACSHA256.HashData(_masterKey, Encoding.UTF8.GetBytes("datawijs/" + purpose));
    }

    /// <summary>The key that pseudonymises subject identifiers of one tenant.</summary>
    public Pseudonymiser PseudonymiserFor(Guid tenantId) => new(Derive("pseudonym/" + tenantId.ToString("D")));
}
