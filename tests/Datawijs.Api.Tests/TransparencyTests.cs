using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Api.Auth;
using Microsoft.Extensions.DependencyInjection;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Tests;

public sealed class TransparencyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Without_a_published_profile_set_advice_answers_409_problem()
    {
        Assert.IsType<StoredPublishedProfileSets>(fixture.Host.Services.GetRequiredService<IPublishedProfileSetReader>());
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
    public async Task The_idempotency_record_of_a_body_with_a_subject_id_holds_no_plain_hash_of_it()
    {
        // Advice is the one body that still names a subject (the citizen endpoints take it from the token).
        const string body = """{"subjectId":"999990032","features":{"income":16800}}""";
        using var http = fixture.Host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assignments")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwToken.Create(fixture.AllScopes.ClientId, fixture.AllScopes.Secret, DateTimeOffset.UtcNow));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("POST /api/v1/assignments\n" + body)));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT request_hash FROM idempotency_records";
        var hashes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                hashes.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(hashes);
        Assert.DoesNotContain(plain, hashes);
    }

    [Fact]
    public async Task Subject_ids_travel_only_in_bodies_and_every_audited_operation_but_the_citizens_own_takes_a_reason()
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
                // The feature catalogue (GET /assignments/features) reads no subject, so it is not in the access log.
                if ((path.StartsWith("/api/v1/assignments", StringComparison.Ordinal) && path != "/api/v1/assignments/features")
                    || path.StartsWith("/api/v1/objections", StringComparison.Ordinal))
                {
                    Assert.Contains("X-Audit-Toelichting", parameters);
                    audited++;
                }
                else if (path.StartsWith("/api/v1/citizen", StringComparison.Ordinal))
                {
                    // Audited too, always with the endpoint's own reason: a portal cannot word the citizen's log.
                    Assert.DoesNotContain("X-Audit-Toelichting", parameters);
                    audited++;
                }
            }
        }

        Assert.Equal(9, audited);
    }
}
