using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests;

/// <summary>
/// Generated from the checked-in contract: every operation is sent a wrong method, a media type it
/// does not produce, a body in a media type it does not take, no body at all and a body over the
/// limit, and every answer must be problem+json with a code and the request path as instance.
/// </summary>
public sealed class ContractConventionsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "PATCH"];

    public static TheoryData<string, string> Operations()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json")))!;
        var data = new TheoryData<string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                data.Add(method.ToUpperInvariant(), path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_method_the_path_does_not_take_gives_405_problem(string method, string path)
    {
        var item = PathItem(path);
        var wrong = Methods.First(m => item[m.ToLowerInvariant()] is null);
        using var http = await ClientForAsync(item[method.ToLowerInvariant()]!);
        using var request = new HttpRequestMessage(new HttpMethod(wrong), Concrete(path, item[method.ToLowerInvariant()]!));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, request.RequestUri!.AbsolutePath);
        Assert.Equal("method-not-allowed", problem["code"]!.GetValue<string>());
        Assert.Contains(method, response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Accept_of_a_media_type_the_operation_does_not_produce_gives_406_problem(string method, string path)
    {
        var operation = PathItem(path)[method.ToLowerInvariant()]!;
        var produced = Produced(operation);
        if (produced.Count == 0)
        {
            return; // 204 No Content: there is no representation to negotiate.
        }

        using var http = await ClientForAsync(operation);
        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path, operation));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        if (operation["requestBody"]?["content"]?.AsObject().First().Key is { } mediaType)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, mediaType);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotAcceptable, request.RequestUri!.AbsolutePath);
        Assert.Equal("not-acceptable", problem["code"]!.GetValue<string>());
        Assert.Equal(produced, problem["acceptedMediaTypes"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_in_a_media_type_the_operation_does_not_take_gives_415_problem_naming_the_ones_it_takes(string method, string path)
    {
        var operation = PathItem(path)[method.ToLowerInvariant()]!;
        if (operation["requestBody"] is not { } body)
        {
            return;
        }

        var accepted = body["content"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        using var http = await ClientForAsync(operation);
        foreach (var content in new HttpContent?[] { new StringContent("<x/>", Encoding.UTF8, "application/xml"), null })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path, operation)) { Content = content };
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

            var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, request.RequestUri!.AbsolutePath);
            Assert.Equal("unsupported-media-type", problem["code"]!.GetValue<string>());
            Assert.Equal(accepted, problem["acceptedMediaTypes"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
            foreach (var mediaType in accepted)
            {
                Assert.Contains(mediaType, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_over_the_limit_gives_413_problem(string method, string path)
    {
        var operation = PathItem(path)[method.ToLowerInvariant()]!;
        if (operation["requestBody"] is not { } body)
        {
            return;
        }

        var mediaType = body["content"]!.AsObject().First().Key;
        using var http = await ClientForAsync(operation);
        // Content-Length is declared over every limit; the server must refuse before reading it.
        using var content = new ByteArrayContent(new byte[16]);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = 2L * 1024 * 1024 * 1024;
        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path, operation)) { Content = content };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, request.RequestUri!.AbsolutePath);
        Assert.Equal("body-too-large", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_route_gives_404_problem()
    {
        using var http = fixture.Host.CreateHttpClient(fixture.AllScopes);
        using var response = await http.GetAsync("/api/v1/no-such-resources", TestContext.Current.CancellationToken);
        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "/api/v1/no-such-resources");
        Assert.Equal("not-found", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Headers_over_the_limit_give_431_problem()
    {
        using var http = fixture.Host.CreateHttpClient(fixture.AllScopes);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "/api/v1/organisations");
        Assert.Equal("headers-too-large", problem["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string instance)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Equal(instance, problem["instance"]!.GetValue<string>());
        var code = problem["code"]!.GetValue<string>();
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", code);
        Assert.Equal("urn:datawijs:problem:" + code, problem["type"]!.GetValue<string>());
        // A title of its own per code, not the status's generic one ("Bad Request").
        Assert.NotEqual(Datawijs.Api.Http.Problems.TitleFor((int)status), problem["title"]!.GetValue<string>());
        return problem;
    }

    private static JsonNode PathItem(string path) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json")))!["paths"]![path]!;

    private static List<string> Produced(JsonNode operation) =>
        operation["responses"]!.AsObject()
            .Where(r => r.Key.StartsWith('2'))
            .SelectMany(r => r.Value!["content"]?.AsObject().Select(c => c.Key) ?? [])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task<HttpClient> ClientForAsync(JsonNode operation)
    {
        var security = operation["security"]?.AsArray();
        if (security?.Any(s => s!.AsObject().ContainsKey("citizen")) == true)
        {
            var tenant = TestApiHost.CitizenTenant();
            await fixture.Host.AddClientAsync(tenant); // creates the tenant the broker's citizens belong to
            return fixture.Host.CreateCitizenHttpClient(tenant, "999990019");
        }

        return fixture.Host.CreateHttpClient(fixture.AllScopes);
    }

    // Path parameters get a value of the right shape, so the request reaches the operation's route.
    private static string Concrete(string path, JsonNode operation)
    {
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["in"]!.GetValue<string>() != "path")
            {
                continue;
            }

            var name = parameter["name"]!.GetValue<string>();
            var value = parameter["schema"]?["format"]?.GetValue<string>() == "uuid" ? Guid.CreateVersion7().ToString() : "gemeente-a";
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }
}
