using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>Reads and checks <c>Citizen:Issuers:&lt;n&gt;</c>; one line per problem, like the rest of the configuration.</summary>
public static partial class CitizenIssuers
{
    public const string Section = "Citizen:Issuers";
    public const string DefaultSubjectClaim = "bsn";

    /// <summary>The only algorithms a citizen token may be signed with: asymmetric, so a portal cannot forge one.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex Slug();

    public static IReadOnlyList<CitizenIssuer> Read(IConfiguration configuration, IHostEnvironment environment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var issuers = new List<CitizenIssuer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection(Section).GetChildren().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var name = $"{Section}:{section.Key}";
            var before = problems.Count;
            var tenant = section["Tenant"]?.Trim();
            var issuer = section["Issuer"]?.Trim();
            var audience = section["Audience"]?.Trim();
            var subjectClaim = string.IsNullOrWhiteSpace(section["SubjectClaim"]) ? DefaultSubjectClaim : section["SubjectClaim"]!.Trim();
            var portal = string.IsNullOrWhiteSpace(section["PortalName"]) ? null : section["PortalName"]!.Trim();
            var authorityText = section["Authority"]?.Trim();
            var jwksFile = section["JwksFile"]?.Trim();

            if (string.IsNullOrEmpty(tenant) || !Slug().IsMatch(tenant))
            {
                problems.Add($"{name}:Tenant is required: the slug of the tenant whose citizens this broker identifies (got '{tenant}').");
            }

            if (string.IsNullOrEmpty(issuer))
            {
                problems.Add($"{name}:Issuer is required: the exact 'iss' of the broker's tokens.");
            }
            else if (!seen.Add(issuer))
            {
                problems.Add($"{name}:Issuer '{issuer}' is configured twice; an issuer selects one tenant.");
            }

            if (string.IsNullOrEmpty(audience))
            {
                problems.Add($"{name}:Audience is required: the 'aud' the broker puts in tokens meant for Datawijs.");
            }

            if (portal is { Length: > 100 } || (portal?.Any(Validation.DisplayText.IsUnsafe) ?? false))
            {
                problems.Add($"{name}:PortalName has at most 100 printable characters.");
            }

            Uri? authority = null;
            IReadOnlyList<SecurityKey> keys = [];
            if (string.IsNullOrEmpty(authorityText) == string.IsNullOrEmpty(jwksFile))
            {
                problems.Add($"{name} needs exactly one of :Authority (OIDC discovery) and :JwksFile (a JWKS JSON file).");
            }
            else if (!string.IsNullOrEmpty(authorityText))
            {
                if (!Uri.TryCreate(authorityText, UriKind.Absolute, out authority)
                    || (authority.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()))
                {
                    problems.Add($"{name}:Authority must be an absolute https URL (got '{authorityText}').");
                }
            }
            else
            {
                keys = ReadJwks(jwksFile!, $"{name}:JwksFile", problems);
            }

            if (problems.Count == before)
            {
                issuers.Add(new CitizenIssuer(issuers.Count, tenant!, issuer!, audience!, subjectClaim, portal, authority, keys));
            }
        }

        return issuers;
    }

    /// <summary>The public keys of a JWKS file: RSA or EC only (a symmetric key would let anyone who reads it sign tokens).</summary>
    public static IReadOnlyList<SecurityKey> ReadJwks(string path, string name, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{name}: cannot read '{path}': {ex.Message}");
            return [];
        }

        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or InvalidOperationException)
        {
            problems.Add($"{name}: '{path}' is not a JWKS (JSON with a 'keys' array): {ex.Message}");
            return [];
        }

        if (set.Keys.Any(k => k.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)))
        {
            problems.Add($"{name}: '{path}' holds a key that is not RSA or EC; only public RSA and EC keys are accepted.");
            return [];
        }

        // Any private member at all, not only a complete private key (HasPrivateKey wants every RSA member).
        if (set.Keys.Any(k => k.HasPrivateKey || HasPrivateMember(k)) || HasPrivateMember(json))
        {
            problems.Add($"{name}: '{path}' holds a private key; give Datawijs only the broker's public keys.");
            return [];
        }

        var keys = set.GetSigningKeys();
        if (keys.Count == 0)
        {
            problems.Add($"{name}: '{path}' holds no usable public key.");
        }

        return keys.ToList();
    }

    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    private static bool HasPrivateMember(JsonWebKey key) =>
        !string.IsNullOrEmpty(key.D) || !string.IsNullOrEmpty(key.P) || !string.IsNullOrEmpty(key.Q)
        || !string.IsNullOrEmpty(key.DP) || !string.IsNullOrEmpty(key.DQ) || !string.IsNullOrEmpty(key.QI)
        || !string.IsNullOrEmpty(key.K) || key.Oth is { Count: > 0 };

    /// <summary>Whether any key object of the JWKS carries a private member (even an empty one) as written in the file.</summary>
    private static bool HasPrivateMember(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == System.Text.Json.JsonValueKind.Array
                && keys.EnumerateArray().Any(k => k.ValueKind == System.Text.Json.JsonValueKind.Object
                    && k.EnumerateObject().Any(m => PrivateMembers.Contains(m.Name, StringComparer.Ordinal)));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>A JWKS document with the public part of an EC P-256 key (for the development broker and tests).</summary>
    public static string JwksOf(ECDsa key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(false);
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = keyId, x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) },
            },
        });
    }
}
