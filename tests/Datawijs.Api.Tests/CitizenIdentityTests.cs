using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Api.Admin;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests;

/// <summary>
/// The citizen endpoints take the subject from the verified citizen token only. A portal (or whoever holds its
/// access) cannot point them at another person by body, query or header; a lookup of a person with nothing stored
/// looks like any other answer, writes no access-log row and is counted per portal.
/// </summary>
public sealed class CitizenIdentityTests : IAsyncLifetime
{
    private const string Tenant = "burger-a";
    private const string Victim = "999990019";
    private const string Prober = "999990020";
    private TestApiHost _host = null!;
    private IssuedClient _caseWorker = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestApiHost.StartAsync();
        _caseWorker = await _host.AddClientAsync(Tenant, Scopes.ObjectionsReview, Scopes.AssignmentsWrite);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Another_subject_cannot_be_named_by_body_query_or_header()
    {
        var ct = TestContext.Current.CancellationToken;
        using var victim = _host.CreateCitizenHttpClient(Tenant, Victim);
        using (var filed = await victim.PostAsync("/api/v1/citizen/objections", Json("""{"kind":"notMe","message":"Dit ben ik niet."}"""), ct))
        {
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        using var prober = _host.CreateCitizenHttpClient(Tenant, Prober);
        using var byQuery = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/citizen/explanation?subjectId={Victim}&bsn={Victim}");
        byQuery.Headers.Add("X-Subject-Id", Victim);
        byQuery.Headers.Add("X-Bsn", Victim);
        var viaQueryAndHeader = await ReadAsync(await prober.SendAsync(byQuery, ct));
        using var withBody = new HttpRequestMessage(HttpMethod.Get, "/api/v1/citizen/access-log") { Content = Json($$"""{"subjectId":"{{Victim}}"}""") };
        var viaBody = await ReadAsync(await prober.SendAsync(withBody, ct));
        using var objectFor = await prober.PostAsync("/api/v1/citizen/objections", Json($$"""{"kind":"doNotWant","subjectId":"{{Victim}}"}"""), ct);

        // The prober sees only themselves: nothing, as for anyone with nothing stored.
        Assert.Equal("none", viaQueryAndHeader["status"]!.GetValue<string>());
        Assert.Empty(viaQueryAndHeader["objections"]!.AsArray());
        Assert.Empty(viaBody["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, objectFor.StatusCode);
        // And the victim still has exactly their own one objection.
        var own = await ReadAsync(await victim.GetAsync("/api/v1/citizen/explanation", ct));
        var objection = Assert.Single(own["objections"]!.AsArray());
        Assert.Equal("notMe", objection!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lookup_of_someone_with_nothing_stored_answers_200_empty_writes_no_log_row_and_is_counted_per_portal()
    {
        var ct = TestContext.Current.CancellationToken;
        const string nobody = "999990032";
        var lookups = _host.Services.GetRequiredService<CitizenLookups>();
        var before = lookups.WithoutDataCount(Tenant, TestBroker.PortalName);
        using var citizen = _host.CreateCitizenHttpClient(Tenant, nobody);

        using var explanation = await citizen.GetAsync("/api/v1/citizen/explanation", ct);
        using var log = await citizen.GetAsync("/api/v1/citizen/access-log", ct);
        using var processing = await citizen.GetAsync("/api/v1/citizen/data-processing", ct);

        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal(HttpStatusCode.OK, processing.StatusCode);
        Assert.Equal("none", (await ReadAsync(explanation))["status"]!.GetValue<string>());
        Assert.Empty((await ReadAsync(log))["items"]!.AsArray());
        Assert.Empty((await ReadAsync(processing))["datasets"]!.AsArray());
        Assert.Equal(before + 3, lookups.WithoutDataCount(Tenant, TestBroker.PortalName));
        var pseudonym = _host.Services.GetRequiredService<Domain.Privacy.KeyRing>().PseudonymiserFor((await _host.FindTenantAsync(Tenant))!.Id).Pseudonymise(nobody);
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM access_log WHERE subject_pseudonym = '{pseudonym}'"));
    }

    [Fact]
    public async Task One_portal_idempotency_key_used_by_two_citizens_gives_each_their_own_objection()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Guid.NewGuid().ToString();
        using var first = _host.CreateCitizenHttpClient(Tenant, "999990044");
        using var second = _host.CreateCitizenHttpClient(Tenant, "999990056");

        var a = await SendAsync(first, key, ct);
        var retried = await SendAsync(first, key, ct);
        var b = await SendAsync(second, key, ct);

        Assert.Equal(a, retried);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task A_client_token_with_every_scope_is_refused_on_the_citizen_endpoints()
    {
        using var http = _host.CreateHttpClient(await _host.AddClientAsync(Tenant));

        using var response = await http.GetAsync("/api/v1/citizen/explanation", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("citizen-portal", Scopes.Known);
    }

    [Fact]
    public async Task Advice_for_a_bsn_that_fails_the_eleven_test_is_400_naming_the_field()
    {
        using var http = _host.CreateHttpClient(_caseWorker);

        using var response = await http.PostAsync("/api/v1/assignments", Json("""{"subjectId":"123456789","features":{"income":1}}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        var invalid = Assert.Single(problem["invalidParams"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "subjectId");
        Assert.Equal("invalid-bsn", invalid!["code"]!.GetValue<string>());
        Assert.Contains("eleven-test", invalid["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private const string Header = """{"alg":"ES256","typ":"JWT","kid":"test-broker-1"}""";

    public static TheoryData<string, string> WellShapedTokens => new()
    {
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"999990019"}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":12345672}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"0123-45672"}""" },
    };

    public static TheoryData<string, string> MisshapenTokens => new()
    {
        // RFC 7515 section 4.1.11: an extension the API does not understand makes the token invalid.
        { """{"alg":"ES256","typ":"JWT","kid":"test-broker-1","crit":["urn:example:ext"],"urn:example:ext":true}""", """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"999990019"}""" },
        { """{"alg":"ES256","typ":"JWT","kid":"test-broker-1","crit":[]}""", """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"999990019"}""" },
        // The subject claim more than once, or as several values: not the first of them.
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":["999900006","012345672"]}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":["999900006"]}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"999900006","bsn":"012345672"}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":{"value":"999900006"}}""" },
        // Not a BSN's digits: a sign, a fraction, a separator at an end.
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"-12345672"}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":-12345672}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":1234567.2}""" },
        { Header, """{"iss":"{iss}","aud":"{aud}","exp":{exp},"bsn":"12345672."}""" },
    };

    [Theory]
    [MemberData(nameof(WellShapedTokens))]
    public async Task A_well_shaped_raw_token_of_the_broker_is_accepted(string header, string payload)
    {
        using var http = _host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.Broker.SignRaw(Tenant, header, payload));

        using var response = await http.GetAsync("/api/v1/citizen/explanation", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MisshapenTokens))]
    public async Task A_token_with_crit_or_a_subject_claim_that_is_not_one_bsn_is_refused_with_401(string header, string payload)
    {
        using var http = _host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.Broker.SignRaw(Tenant, header, payload));

        using var response = await http.GetAsync("/api/v1/citizen/explanation", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Who_may_look_names_every_portal_of_the_tenant_by_its_own_name_even_without_a_portal_name()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var jwks = Path.Combine(directory, "jwks.json");
        await File.WriteAllTextAsync(jwks, CitizenIssuers.JwksOf(key, "k1"), ct);
        var settings = new Dictionary<string, string?>();
        void Issuer(int n, string issuer, string audience, string? portalName)
        {
            settings[$"Citizen:Issuers:{n}:Tenant"] = "burger-b";
            settings[$"Citizen:Issuers:{n}:Issuer"] = issuer;
            settings[$"Citizen:Issuers:{n}:Audience"] = audience;
            settings[$"Citizen:Issuers:{n}:JwksFile"] = jwks;
            settings[$"Citizen:Issuers:{n}:PortalName"] = portalName;
        }

        Issuer(0, "https://digid-broker.test/", "portaal-web", null);
        Issuer(1, "https://app-broker.test/", "mijn-gemeente-app", null);
        Issuer(2, "https://balie-broker.test/", "balie", "Balie Stadhuis");
        await using var host = await TestApiHost.StartAsync(settings);
        await host.AddClientAsync("burger-b", Scopes.AssignmentsWrite);
        using var http = host.CreateHttpClient();
        // The token names its portal by azp ("demo-portal"), as a broker does for the portal it signed in for.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevelopmentBroker.Sign(key, "k1", "https://digid-broker.test/", "portaal-web", "999990019", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10)));

        var processing = await ReadAsync(await http.GetAsync("/api/v1/citizen/data-processing", ct));

        var portals = processing["mayLook"]!.AsArray()
            .Where(a => a!["activities"]!.AsArray().Any(x => x!["code"]!.GetValue<string>() == "citizen-access"))
            .Select(a => a!["application"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Balie Stadhuis", "demo-portal", "mijn-gemeente-app"], portals);
    }

    private static async Task<string> SendAsync(HttpClient citizen, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/citizen/objections") { Content = Json("""{"kind":"notMe"}""") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await citizen.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL comes from the test itself
        command.CommandText = sql;
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
