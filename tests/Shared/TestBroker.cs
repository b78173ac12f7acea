using System.Globalization;
using System.Security.Cryptography;
using Datawijs.Api.Auth.Citizens;

namespace Datawijs.Tests.Shared;

/// <summary>
/// A stand-in for municipalities' OpenID Connect brokers in tests: one EC P-256 key pair whose public part
/// is in a JWKS file (no network), and one issuer per tenant slug in <see cref="Tenants"/>, all trusting that
/// file. Tokens are signed here as a broker would sign them.
/// </summary>
public sealed class TestBroker : IDisposable
{
    public const string Audience = "datawijs-test";
    public const string KeyId = "test-broker-1";
    public const string PortalName = "Testportaal";

    /// <summary>Tenants whose citizens the test broker identifies; E2E tests take fresh ones with <see cref="TestApiHost.CitizenTenant"/>.</summary>
    public static readonly IReadOnlyList<string> Tenants =
    [
        "isolatie-a", "isolatie-b", "auth-matrix", "fuzz", "burger-a", "burger-b",
        .. Enumerable.Range(1, 100).Select(i => "citizens-" + i.ToString(CultureInfo.InvariantCulture)),
    ];

    private TestBroker(ECDsa key, string jwksPath)
    {
        Key = key;
        JwksPath = jwksPath;
    }

    public ECDsa Key { get; }

    public string JwksPath { get; }

    public static TestBroker Create(string directory)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(directory, "broker-jwks.json");
        File.WriteAllText(path, CitizenIssuers.JwksOf(key, KeyId));
        return new TestBroker(key, path);
    }

    public static string IssuerOf(string tenant) => "https://broker.test/" + tenant;

    /// <summary>The configuration of one issuer per tenant of <see cref="Tenants"/>.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Tenants.Count; i++)
        {
            var prefix = "Citizen:Issuers:" + i.ToString(CultureInfo.InvariantCulture) + ":";
            settings[prefix + "Tenant"] = Tenants[i];
            settings[prefix + "Issuer"] = IssuerOf(Tenants[i]);
            settings[prefix + "Audience"] = Audience;
            settings[prefix + "JwksFile"] = JwksPath;
            settings[prefix + "PortalName"] = PortalName;
        }

        return settings;
    }

    /// <summary>A valid citizen token of the tenant's broker for <paramref name="bsn"/>, as the portal forwards it.</summary>
    public string Token(string tenant, string bsn, TimeSpan? lifetime = null) =>
        DevelopmentBroker.Sign(Key, KeyId, IssuerOf(tenant), Audience, bsn, DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromMinutes(10));

    /// <summary>
    /// A token signed (ES256) with the broker's key over exactly this header and payload JSON, for shapes a token
    /// library would not write (a repeated member, a <c>crit</c> header). <c>{iss}</c>, <c>{aud}</c> and <c>{exp}</c>
    /// in the payload become the tenant's issuer, the audience and a time ten minutes from now.
    /// </summary>
    public string SignRaw(string tenant, string headerJson, string payloadJson)
    {
        var payload = payloadJson.Replace("{iss}", IssuerOf(tenant), StringComparison.Ordinal)
            .Replace("{aud}", Audience, StringComparison.Ordinal)
            .Replace("{exp}", DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var signed = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(headerJson)) + "."
            + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload));
        var signature = Key.SignData(System.Text.Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    public void Dispose() => Key.Dispose();
}

/// <summary>Synthetic BSNs (test numbers from 999900000 upward that pass the eleven-test) for tests.</summary>
public static class SyntheticBsns
{
    private static readonly Lazy<string[]> Numbers = new(() =>
    {
        var found = new List<string>();
        for (var n = 999_900_000; found.Count < 5000; n++)
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            if (Domain.Privacy.SubjectIds.PassesElevenTest(text))
            {
                found.Add(text);
            }
        }

        return found.ToArray();
    });

    private static int _next = 2000;

    /// <summary>The n-th synthetic BSN (0-based, below 2000): the same number in every run.</summary>
    public static string Nth(int n) => Numbers.Value[n];

    /// <summary>A synthetic BSN not handed out before in this test run.</summary>
    public static string Next() => Numbers.Value[Interlocked.Increment(ref _next) % Numbers.Value.Length];
}
