using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Datawijs.Api.Tests;

public sealed class AuthenticationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static string Sign(object header, object payload, string secret)
    {
        var h = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header));
        var p = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var s = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(h + "." + p)));
        return h + "." + p + "." + s;
    }

    private static long Now(int offsetSeconds = 0) => DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds();

    private async Task<HttpResponseMessage> GetOrganisationsAsync(string? authorization)
    {
        using var http = fixture.Host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await http.SendAsync(request);
    }

    private string Valid => Sign(new { alg = "HS256", typ = "JWT" }, new { client_id = fixture.AllScopes.ClientId, iat = Now() }, fixture.AllScopes.Secret);

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        using var response = await GetOrganisationsAsync("Bearer " + Valid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Iss_alone_names_the_client_as_in_zgw()
    {
        var token = Sign(new { alg = "HS256" }, new { iss = fixture.AllScopes.ClientId, iat = Now() }, fixture.AllScopes.Secret);
        using var response = await GetOrganisationsAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "absent", "" },
        { "not bearer", "Basic dXNlcjpwYXNz" },
        { "malformed", "Bearer not.a.jwt" },
        { "two parts", "Bearer abc.def" },
        { "garbage base64", "Bearer !!!.###.$$$" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Malformed_or_absent_tokens_get_401_problem(string name, string header)
    {
        using var response = await GetOrganisationsAsync(header.Length == 0 ? null : header);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, name);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_gets_401()
    {
        var token = Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId, iat = Now() }, fixture.ReadOnly.Secret);
        using var response = await GetOrganisationsAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Alg_none_gets_401_even_without_a_signature_check()
    {
        var h = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var p = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { client_id = fixture.AllScopes.ClientId, iat = Now() }));
        using var unsigned = await GetOrganisationsAsync($"Bearer {h}.{p}.");
        using var withSignature = await GetOrganisationsAsync("Bearer " + Sign(new { alg = "none" }, new { client_id = fixture.AllScopes.ClientId, iat = Now() }, fixture.AllScopes.Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withSignature.StatusCode);
    }

    [Theory]
    [InlineData("HS512")]
    [InlineData("RS256")]
    [InlineData("hs256")]
    public async Task Other_algorithms_get_401(string algorithm)
    {
        var token = Sign(new { alg = algorithm }, new { client_id = fixture.AllScopes.ClientId, iat = Now() }, fixture.AllScopes.Secret);
        using var response = await GetOrganisationsAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_older_than_the_window_gets_401()
    {
        var token = Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId, iat = Now(-3601 - 60) }, fixture.AllScopes.Secret);
        using var response = await GetOrganisationsAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_the_future_gets_401_but_small_clock_skew_is_tolerated()
    {
        var future = Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId, iat = Now(600) }, fixture.AllScopes.Secret);
        var skewed = Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId, iat = Now(20) }, fixture.AllScopes.Secret);
        using var rejected = await GetOrganisationsAsync("Bearer " + future);
        using var accepted = await GetOrganisationsAsync("Bearer " + skewed);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task An_expired_exp_is_honoured_even_with_a_fresh_iat()
    {
        var token = Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId, iat = Now(), exp = Now(-300) }, fixture.AllScopes.Secret);
        using var response = await GetOrganisationsAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_iat_or_unknown_client_gets_401()
    {
        using var noIat = await GetOrganisationsAsync("Bearer " + Sign(new { alg = "HS256" }, new { client_id = fixture.AllScopes.ClientId }, fixture.AllScopes.Secret));
        using var unknown = await GetOrganisationsAsync("Bearer " + Sign(new { alg = "HS256" }, new { client_id = "nobody", iat = Now() }, fixture.AllScopes.Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, noIat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_client_lacking_the_scope_gets_403_problem()
    {
        using var http = fixture.Host.CreateHttpClient(fixture.ReadOnly);
        using var response = await http.PostAsync("/api/v1/organisations", new StringContent("""{"name":"X","kind":"partner"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
