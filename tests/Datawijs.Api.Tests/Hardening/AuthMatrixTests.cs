using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Datawijs.Api.Auth;
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
            Assert.True(open || operation.Scopes.Count > 0, $"{operation} names no scope");
        }
    }
}
