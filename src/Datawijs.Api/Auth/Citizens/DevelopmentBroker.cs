using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>
/// Development only: stands in for the municipality's OpenID Connect broker, so the citizen endpoints can
/// be tried without DigiD. An EC P-256 key pair is generated once next to the master key
/// (<see cref="KeyFile"/>); the demo tenant trusts its public key, and start-up prints a citizen token
/// signed with it. Never used outside Development: <see cref="CitizenIssuers"/> is the only way in there.
/// </summary>
public sealed class DevelopmentBroker
{
    public const string KeyFile = "data/citizen-dev.key";
    public const string Issuer = "https://localhost/datawijs-development-broker";
    public const string Audience = "datawijs";
    public const string PortalName = "Demoportaal (development)";
    public const string KeyId = "datawijs-development";

    private readonly ECDsa _key;

    private DevelopmentBroker(ECDsa key) => _key = key;

    /// <summary>Reads or creates the key pair; null with a problem when an existing file cannot be read.</summary>
    public static (DevelopmentBroker? Broker, string? Problem) LoadOrCreate()
    {
        var path = Path.GetFullPath(KeyFile);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
                return (new DevelopmentBroker(key), null);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                return (null, $"{path} is not a PEM EC key ({ex.Message}); delete it to have a new one generated.");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (new DevelopmentBroker(key), null);
    }

    /// <summary>The issuer entry for the demo tenant: trusts only this key's public part.</summary>
    public CitizenIssuer IssuerFor(string tenant, int index)
    {
        var publicKey = ECDsa.Create(_key.ExportParameters(false));
        return new CitizenIssuer(index, tenant, Issuer, Audience, CitizenIssuers.DefaultSubjectClaim, PortalName, null,
            [new ECDsaSecurityKey(publicKey) { KeyId = KeyId }]);
    }

    /// <summary>A citizen token as a broker would issue it: ES256, iss, aud, azp, bsn, one hour.</summary>
    public string CreateToken(string bsn, DateTimeOffset now) => Sign(_key, KeyId, Issuer, Audience, bsn, now, TimeSpan.FromHours(1));

    /// <summary>Signs a citizen token with the given key (here and in tests).</summary>
    public static string Sign(ECDsa key, string keyId, string issuer, string audience, string bsn, DateTimeOffset now, TimeSpan lifetime, string subjectClaim = CitizenIssuers.DefaultSubjectClaim)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(subjectClaim, bsn), new Claim("azp", "demo-portal")]),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
