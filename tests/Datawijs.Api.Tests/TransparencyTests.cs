using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Api.Auth;
using Datawijs.Api.Features.Assignments;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests;

public sealed class TransparencyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Until_profile_sets_are_published_advice_answers_409_problem()
    {
        Assert.IsType<NoPublishedProfileSets>(fixture.Host.Services.GetRequiredService<IPublishedProfileSetReader>());
        using var http = fixture.Host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assignments")
        {
            Content = new StringContent("""{"subjectId":"999990019","features":{"income":16800}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwToken.Create(fixture.AllScopes.ClientId, fixture.AllScopes.Secret, DateTimeOffset.UtcNow, "mw-1", "Medewerker"));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("no-published-profile-set", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subject_ids_travel_only_in_bodies_and_every_audited_operation_takes_a_reason()
    {
        using var http = fixture.Host.CreateHttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken))!;
        var audited = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            Assert.DoesNotContain("subject", path, StringComparison.OrdinalIgnoreCase);
            foreach (var (_, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
                Assert.DoesNotContain(parameters, name => name.Contains("subject", StringComparison.OrdinalIgnoreCase));
                if (path.StartsWith("/api/v1/assignments", StringComparison.Ordinal)
                    || path.StartsWith("/api/v1/citizen", StringComparison.Ordinal)
                    || path.StartsWith("/api/v1/objections", StringComparison.Ordinal))
                {
                    Assert.Contains("X-Audit-Toelichting", parameters);
                    audited++;
                }
            }
        }

        Assert.Equal(8, audited);
    }
}
