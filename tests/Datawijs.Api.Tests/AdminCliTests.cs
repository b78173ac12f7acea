using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Datawijs.Api.Admin;
using Datawijs.Api.Auth;

namespace Datawijs.Api.Tests;

public sealed class AdminCliTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AdminCli.RunAsync(args, fixture.Host.Services, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Tenants_add_is_idempotent()
    {
        var first = await RunAsync("tenants", "add", "amersfoort", "--name", "Gemeente Amersfoort");
        var second = await RunAsync("tenants", "add", "amersfoort", "--name", "Gemeente Amersfoort");
        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        Assert.Contains("Added", first.Out, StringComparison.Ordinal);
        Assert.Contains("already exists", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_add_json_prints_one_line_whose_secret_works_and_list_and_revoke_follow()
    {
        await RunAsync("tenants", "add", "deventer", "--name", "Gemeente Deventer");
        var (code, output, _) = await RunAsync("clients", "add", "--tenant", "deventer", "--scopes", "scans:read,scans:write", "--json");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var json = JsonDocument.Parse(lines[0]);
        var clientId = json.RootElement.GetProperty("clientId").GetString()!;
        var secret = json.RootElement.GetProperty("secret").GetString()!;
        Assert.Equal("deventer", json.RootElement.GetProperty("tenant").GetString());
        Assert.True(secret.Length >= 32);

        using var http = fixture.Host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ZgwToken.Create(clientId, secret, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/organisations")).StatusCode);

        var list = await RunAsync("clients", "list", "--tenant", "deventer");
        Assert.Contains(clientId, list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Out, StringComparison.Ordinal);

        var revoke = await RunAsync("clients", "revoke", clientId);
        Assert.Equal(0, revoke.Code);
        Assert.Contains("within 1 s", revoke.Out, StringComparison.Ordinal);
        var refused = false;
        for (var attempt = 0; attempt < 50 && !refused; attempt++)
        {
            refused = (await http.GetAsync("/api/v1/organisations")).StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(refused, "The revoked client was still accepted 5 s later.");
    }

    [Fact]
    public async Task Bad_input_fails_with_a_message_and_a_non_zero_code()
    {
        Assert.NotEqual(0, (await RunAsync("clients", "add", "--tenant", "no-such-tenant", "--scopes", "*")).Code);
        var unknownScope = await RunAsync("clients", "add", "--tenant", "gemeente-a", "--scopes", "everything");
        Assert.NotEqual(0, unknownScope.Code);
        Assert.Contains("Unknown scope", unknownScope.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, (await RunAsync("tenants", "add", "Bad Slug!", "--name", "x")).Code);
        Assert.NotEqual(0, (await RunAsync("clients", "revoke", "nobody")).Code);
        var portalScope = await RunAsync("clients", "add", "--tenant", "gemeente-a", "--scopes", "citizen-portal");
        Assert.NotEqual(0, portalScope.Code);
        Assert.Contains("Unknown scope(s): citizen-portal", portalScope.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, (await RunAsync("clients", "add", "--tenant", "gemeente-a", "--scopes", "*", "--name", new string('x', 201))).Code);

        // A right-to-left override would make the name citizens read display as another.
        Assert.NotEqual(0, (await RunAsync("clients", "add", "--tenant", "gemeente-a", "--scopes", "*", "--name", "Zaaksysteem ‮niets")).Code);
    }

    [Fact]
    public async Task A_client_gets_the_name_citizens_read_and_the_list_shows_it()
    {
        await RunAsync("tenants", "add", "zutphen", "--name", "Gemeente Zutphen");

        var added = await RunAsync("clients", "add", "--tenant", "zutphen", "--scopes", "assignments:write", "--name", "Zaaksysteem Werk en Inkomen");
        var list = await RunAsync("clients", "list", "--tenant", "zutphen");

        Assert.Equal(0, added.Code);
        Assert.Contains("Zaaksysteem Werk en Inkomen", list.Out, StringComparison.Ordinal);
    }
}
