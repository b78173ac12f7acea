using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Every protected operation of the contract, with every kind of bad token, answers 401; with a
/// token that lacks its scope, 403. New operations are covered as soon as they are in the contract.
/// </summary>
public sealed class AuthMatrixTests
{
    private static string Token(object header, object payload, string secret)
    {
        var h = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header));
        var p = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var s = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(h + "." + p)));
        return h + "." + p + "." + s;
    }

    [Fact]
    public async Task Every_protected_operation_refuses_bad_tokens_with_401_and_missing_scopes_with_403()
    {
        await using var host = await TestApiHost.StartAsync();
        var client = await host.AddClientAsync("auth-matrix");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var badTokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["wrong secret"] = "Bearer " + Token(new { alg = "HS256" }, new { client_id = client.ClientId, iat = now }, new string('s', 43)),
            ["expired"] = "Bearer " + Token(new { alg = "HS256" }, new { client_id = client.ClientId, iat = now - 7200 }, client.Secret),
            ["future"] = "Bearer " + Token(new { alg = "HS256" }, new { client_id = client.ClientId, iat = now + 3600 }, client.Secret),
            ["alg none"] = "Bearer " + Base64Url.EncodeToString("""{"alg":"none"}"""u8) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { client_id = client.ClientId, iat = now })) + ".",
            ["RS256 confused"] = "Bearer " + Token(new { alg = "RS256" }, new { client_id = client.ClientId, iat = now }, client.Secret),
            ["malformed"] = "Bearer eyJhbGciOi.not-json.@@@",
        };

        using var http = host.CreateHttpClient();
        var failures = new List<string>();
        var checks = 0;
        foreach (var operation in Contract.Operations.Where(o => o.Secured))
        {
            var path = operation.PathTemplate;
            foreach (var parameter in operation.Parameters("path"))
            {
                path = path.Replace("{" + parameter["name"]!.GetValue<string>() + "}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            }

            foreach (var (name, authorization) in badTokens)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                using var response = await http.SendAsync(request);
                checks++;
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation} with {name} token: {(int)response.StatusCode}");
                }
            }

            if (operation.IsCitizen)
            {
                continue;
            }

            var lacking = Scopes.Known.Where(s => !operation.Scopes.Contains(s)).ToArray();
            if (lacking.Length == 0)
            {
                continue;
            }

            var limited = await host.AddClientAsync("auth-matrix", lacking);
            using var scoped = new HttpRequestMessage(new HttpMethod(operation.Method), path);
            scoped.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ZgwToken.Create(limited.ClientId, limited.Secret, DateTimeOffset.UtcNow));
            using var forbidden = await http.SendAsync(scoped);
            checks++;
            if (forbidden.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{operation} without scope {string.Join('|', operation.Scopes)}: {(int)forbidden.StatusCode}");
            }
        }

        Assert.True(checks > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_operation_except_health_public_and_the_contract_is_protected_and_names_its_scopes()
    {
        foreach (var operation in Contract.Operations)
        {
            var open = operation.PathTemplate.StartsWith("/health/", StringComparison.Ordinal)
                || operation.PathTemplate.StartsWith("/api/v1/public/", StringComparison.Ordinal);
            Assert.True(open != operation.Secured, $"{operation} secured={operation.Secured}");
            // A citizen operation takes the citizen's token, which has no scopes; every other one names its scopes.
            Assert.True(open || operation.IsCitizen || operation.Scopes.Count > 0, $"{operation} names no scope");
            Assert.Equal(operation.PathTemplate.StartsWith("/api/v1/citizen/", StringComparison.Ordinal), operation.IsCitizen);
        }
    }

    /// <summary>
    /// The citizen scheme: on every citizen operation, every kind of bad citizen token and a valid client token with every
    /// scope answer 401; on every other protected operation a valid citizen token answers 401 or 403. The bad tokens are
    /// those an attacker with a portal's access would try: another key, issuer or audience, expired, no exp, alg none,
    /// HS256 with the broker's public key as the secret, and a subject that is not a BSN.
    /// </summary>
    [Fact]
    public async Task Every_citizen_operation_refuses_bad_citizen_tokens_and_client_tokens_and_every_other_operation_refuses_citizen_tokens()
    {
        await using var host = await TestApiHost.StartAsync();
        const string tenant = "auth-matrix";
        var client = await host.AddClientAsync(tenant);
        const string bsn = "999990019";
        var now = DateTimeOffset.UtcNow;
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuer = TestBroker.IssuerOf(tenant);
        var claims = new Dictionary<string, object> { ["iss"] = issuer, ["aud"] = TestBroker.Audience, ["bsn"] = bsn, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds() };
        var jwks = await File.ReadAllTextAsync(host.Broker.JwksPath, TestContext.Current.CancellationToken);
        var publicPem = host.Broker.Key.ExportSubjectPublicKeyInfoPem();
        var badCitizenTokens = new Dictionary<string, string>
        {
            ["another key"] = DevelopmentBroker.Sign(otherKey, TestBroker.KeyId, issuer, TestBroker.Audience, bsn, now, TimeSpan.FromMinutes(10)),
            ["another issuer"] = DevelopmentBroker.Sign(host.Broker.Key, TestBroker.KeyId, "https://broker.evil.example/", TestBroker.Audience, bsn, now, TimeSpan.FromMinutes(10)),
            ["another audience"] = DevelopmentBroker.Sign(host.Broker.Key, TestBroker.KeyId, issuer, "some-other-api", bsn, now, TimeSpan.FromMinutes(10)),
            ["expired"] = DevelopmentBroker.Sign(host.Broker.Key, TestBroker.KeyId, issuer, TestBroker.Audience, bsn, now.AddHours(-2), TimeSpan.FromMinutes(10)),
            ["no exp"] = Es256(host.Broker.Key, claims.Where(c => c.Key != "exp").ToDictionary()),
            ["alg none"] = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims)) + ".",
            ["HS256 with the JWKS as secret"] = Token(new { alg = "HS256", typ = "JWT", kid = TestBroker.KeyId }, claims, jwks),
            ["HS256 with the public key PEM as secret"] = Token(new { alg = "HS256", typ = "JWT", kid = TestBroker.KeyId }, claims, publicPem),
            ["subject fails the eleven-test"] = DevelopmentBroker.Sign(host.Broker.Key, TestBroker.KeyId, issuer, TestBroker.Audience, "123456789", now, TimeSpan.FromMinutes(10)),
            ["subject claim missing"] = DevelopmentBroker.Sign(host.Broker.Key, TestBroker.KeyId, issuer, TestBroker.Audience, bsn, now, TimeSpan.FromMinutes(10), subjectClaim: "sub"),
            ["a client's token"] = ZgwToken.Create(client.ClientId, client.Secret, now, "mw-1", "Medewerker"),
            ["malformed"] = "eyJhbGciOi.not-json.@@@",
            ["two parts"] = Base64Url.EncodeToString("""{"alg":"ES256"}"""u8) + ".e30",
            ["issuer not a string"] = Es256(host.Broker.Key, new Dictionary<string, object> { ["iss"] = 42, ["aud"] = TestBroker.Audience, ["bsn"] = bsn, ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds() }),
        };
        var goodCitizen = host.Broker.Token(tenant, bsn);

        using var http = host.CreateHttpClient();
        var failures = new List<string>();
        var checks = 0;
        foreach (var operation in Contract.Operations.Where(o => o.Secured))
        {
            var path = operation.PathTemplate;
            foreach (var parameter in operation.Parameters("path"))
            {
                path = path.Replace("{" + parameter["name"]!.GetValue<string>() + "}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            }

            var tokens = operation.IsCitizen ? badCitizenTokens : new Dictionary<string, string> { ["a valid citizen token"] = goodCitizen };
            foreach (var (name, token) in tokens)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                if (operation.IsCitizen && operation.Method == "POST")
                {
                    request.Content = new StringContent("""{"kind":"notMe"}""", Encoding.UTF8, "application/json");
                }

                using var response = await http.SendAsync(request);
                checks++;
                var refused = operation.IsCitizen
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (!refused || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation} with {name}: {(int)response.StatusCode}");
                }
            }
        }

        // Not vacuous: the good citizen token does open the citizen operations.
        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/v1/citizen/explanation");
        own.Headers.TryAddWithoutValidation("Authorization", "Bearer " + goodCitizen);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own)).StatusCode);
        Assert.True(Contract.Operations.Count(o => o.IsCitizen) >= 4);
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
    }

    private static string Es256(ECDsa key, Dictionary<string, object> payload)
    {
        var h = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "ES256", typ = "JWT", kid = TestBroker.KeyId }));
        var p = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(h + "." + p), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return h + "." + p + "." + Base64Url.EncodeToString(signature);
    }
}
