using System.Text.Json.Nodes;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests;

public sealed class ContractTests
{
    public const string RegenerateCommand = "bash scripts/regenerate.sh";

    [Fact]
    public async Task Served_contract_matches_the_checked_in_openapi_json()
    {
        await using var host = await TestApiHost.StartAsync();
        using var http = host.CreateHttpClient();
        var served = JsonNode.Parse(await http.GetStringAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken));
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json"), TestContext.Current.CancellationToken));

        var servedCopy = Path.Combine(Path.GetTempPath(), "datawijs-served-openapi.json");
        if (!JsonNode.DeepEquals(served, checkedIn))
        {
            await File.WriteAllTextAsync(servedCopy, served!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), TestContext.Current.CancellationToken);
        }

        Assert.True(JsonNode.DeepEquals(served, checkedIn),
            $"openapi/openapi.json differs from the contract the code serves (served copy: {servedCopy}). Regenerate the contract and the client with: {RegenerateCommand}");
    }

    [Fact]
    public async Task Contract_is_served_anonymously_with_cors_and_contact()
    {
        await using var host = await TestApiHost.StartAsync();
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(document["info"]!["contact"]!["email"]!.GetValue<string>()));
        Assert.NotNull(document["components"]!["securitySchemes"]!["bearer"]);
    }

    [Fact]
    public async Task Get_operations_take_query_parameters_and_no_body_and_validation_rules_show_in_schemas()
    {
        await using var host = await TestApiHost.StartAsync();
        using var http = host.CreateHttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken))!;

        var list = document["paths"]!["/api/v1/organisations"]!["get"]!;
        Assert.Null(list["requestBody"]);
        var limit = list["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!;
        Assert.Equal("query", limit["in"]!.GetValue<string>());
        Assert.Equal("1", limit["schema"]!["minimum"]!.ToString());
        Assert.Equal("200", limit["schema"]!["maximum"]!.ToString());

        var get = document["paths"]!["/api/v1/organisations/{id}"]!["get"]!;
        var id = get["parameters"]!.AsArray().Single()!;
        Assert.Equal("path", id["in"]!.GetValue<string>());
        Assert.True(id["required"]!.GetValue<bool>());

        var create = document["components"]!["schemas"]!["CreateOrganisationRequest"]!;
        Assert.Contains("name", create["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(200, create["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(4, create["properties"]!["kind"]!["enum"]!.AsArray().Count);

        var patch = document["components"]!["schemas"]!["UpdateOrganisationRequest"]!;
        Assert.Null(patch["properties"]!["id"]);
    }
}
