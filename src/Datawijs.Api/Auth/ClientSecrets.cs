using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Auth;

/// <summary>
/// Client secrets are never stored. A secret is derived from the master key (held outside the
/// database) and a random per-client salt; the database keeps the salt and a SHA-256 hash.
/// To check a token we derive the secret again, confirm it against the hash in constant time,
/// and verify the HS256 signature with it. A stolen database therefore yields neither the
/// secrets nor a way to forge tokens.
/// </summary>
public sealed class ClientSecrets(KeyRing keys)
{
    private readonly byte[] _key = keys.Derive("client-secret/v1");

    public IssuedSecret Issue(string clientId)
    {
        var salt = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var secret = Derive(clientId, salt);
        return new IssuedSecret(secret, salt, Hash(secret));
    }

    /// <summary>A 43-character secret: 256 bits, as HS256 needs.</summary>
    public string Derive(string clientId, string salt) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(clientId + "\n" + salt)));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
