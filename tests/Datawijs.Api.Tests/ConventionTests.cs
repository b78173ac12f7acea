using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests;

public sealed class ConventionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Authorised() => fixture.Host.CreateHttpClient(fixture.AllScopes);

    [Theory]
    [InlineData("/api/v1/organisations/")]
    [InlineData("/health/live/")]
    [InlineData("/api/v1/openapi.json/")]
    public async Task Trailing_slash_gives_404_problem(string path)
    {
        using var http = Authorised();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/v1/organisations", HttpStatusCode.OK)]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/organisations/not-a-uuid", HttpStatusCode.BadRequest)]
    public async Task Every_response_carries_api_version_and_security_headers(string path, HttpStatusCode expected)
    {
        using var http = Authorised();
        using var response = await http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_answer_problem_json()
    {
        using var http = Authorised();
        using var missing = await http.GetAsync("/api/v1/unknown");
        using var wrongMethod = await http.DeleteAsync("/api/v1/organisations");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Empty_create_gives_400_with_invalid_params()
    {
        using var http = Authorised();
        using var response = await http.PostAsync("/api/v1/organisations", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal("/api/v1/organisations", problem["instance"]!.GetValue<string>());
        var names = problem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["kind", "name"], names);
    }

    [Fact]
    public async Task A_reason_names_the_field_as_it_is_sent()
    {
        using var http = Authorised();
        using var response = await http.PostAsync("/api/v1/datasets", new StringContent("{}", Encoding.UTF8, "application/json"));
        var reasons = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["invalidParams"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["reason"]!.GetValue<string>());
        Assert.StartsWith("'retentionUntil' ", reasons["retentionUntil"], StringComparison.Ordinal);
    }

    // Many HTTP clients declare JSON on every POST, also when they send nothing. An operation that takes
    // no body goes ahead; one that needs a body names what is missing, as for "{}".
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task An_empty_body_declared_as_json_counts_as_no_body(string contentType)
    {
        using var http = Authorised();
        using var noBodyOperation = await http.PostAsync($"/api/v1/clusterings/{Guid.CreateVersion7()}/cancellation", EmptyAs(contentType));
        Assert.Equal(HttpStatusCode.NotFound, noBodyOperation.StatusCode);

        using var bodyOperation = await http.PostAsync("/api/v1/organisations", EmptyAs(contentType));
        Assert.Equal(HttpStatusCode.BadRequest, bodyOperation.StatusCode);
        Assert.Equal("application/problem+json", bodyOperation.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await bodyOperation.Content.ReadAsStringAsync())!;
        var names = problem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["kind", "name"], names);
    }

    private static ByteArrayContent EmptyAs(string contentType)
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    // What fails before validation is named as sent, with a stable code and a reason in the API's own
    // words: never a .NET type or member name.
    [Theory]
    [InlineData("{", "body", "invalid-json", "not valid JSON")]
    [InlineData("[1,2]", "body", "wrong-type", "must be an object")]
    [InlineData("""{"name":"X","kind":"partner","inhabitants":"many"}""", "inhabitants", "wrong-type", "must be a whole number")]
    [InlineData("""{"name":"X","kind":"partner","inhabitants":1e99}""", "inhabitants", "wrong-type", "whole number in range")]
    [InlineData("""{"name":7,"kind":"partner"}""", "name", "wrong-type", "must be a string")]
    [InlineData("""{"name":"X","kind":"partner","unknownField":1}""", "unknownField", "unknown-field", "not a field of this request")]
    public async Task Unreadable_json_gives_400_problem_not_500(string body, string name, string code, string reason)
    {
        using var http = Authorised();
        using var response = await http.PostAsync("/api/v1/organisations", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var invalid = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["invalidParams"]!.AsArray().Single()!;
        Assert.Equal(name, invalid["name"]!.GetValue<string>());
        Assert.Equal(code, invalid["code"]!.GetValue<string>());
        var text = invalid["reason"]!.GetValue<string>();
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Datawijs", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/organisations?limit=many", "limit", "'limit' must be a whole number.")]
    [InlineData("/api/v1/organisations/not-a-uuid", "id", "'id' must be a UUID.")]
    public async Task A_route_or_query_value_that_does_not_parse_says_what_it_must_be(string path, string name, string reason)
    {
        using var http = Authorised();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var invalid = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["invalidParams"]!.AsArray().Single()!;
        Assert.Equal(name, invalid["name"]!.GetValue<string>());
        Assert.Equal(reason, invalid["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_body_gives_413()
    {
        using var http = Authorised();
        var huge = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"kind\":\"partner\"}";
        using var response = await http.PostAsync("/api/v1/organisations", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ids_are_uuid_v7_and_instants_are_utc()
    {
        using var http = Authorised();
        using var response = await http.PostAsync("/api/v1/organisations", new StringContent("""{"name":"Voedselbank Oost","kind":"partner"}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(7, Guid.Parse(body["id"]!.GetValue<string>()).Version);
        Assert.EndsWith("Z", body["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        using var http = fixture.Host.CreateHttpClient();
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        await using var host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["RateLimiting:PermitsPerSecond"] = "3" });
        var client = await host.AddClientAsync("gemeente-rl");
        using var http = host.CreateHttpClient(client);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await http.GetAsync("/api/v1/organisations");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                break;
            }

            response.Dispose();
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();
    }
}
