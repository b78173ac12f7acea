using System.Net;
using System.Text.RegularExpressions;

namespace Datawijs.Api.Tests;

public sealed partial class ApiReferenceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_reference_is_served_without_a_token_from_this_origin_only()
    {
        using var http = fixture.Host.CreateHttpClient();
        using var redirect = await http.GetAsync("/api/v1/docs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("docs/", redirect.Headers.Location?.OriginalString);

        using var page = await http.GetAsync("/api/v1/docs/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<title>Datawijs API reference</title>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        // Scripts run only from this origin or with this response's nonce; nothing loads from elsewhere.
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(html).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);

        foreach (Match script in ScriptSource().Matches(html))
        {
            using var asset = await http.GetAsync("/api/v1/docs/" + script.Groups["src"].Value, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        Assert.True(ScriptSource().Count(html) >= 1);
    }

    [Fact]
    public async Task Other_paths_keep_the_strict_policy()
    {
        using var http = fixture.Host.CreateHttpClient();
        using var response = await http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("nonce=\"(?<nonce>[^\"]+)\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]* src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
