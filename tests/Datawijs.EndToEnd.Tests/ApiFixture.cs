using Datawijs.Api.Admin;
using Datawijs.Client;
using Datawijs.Tests.Shared;

namespace Datawijs.EndToEnd.Tests;

/// <summary>One API per test class; each test makes its own tenants so tests do not see each other.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public TestApiHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await TestApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A generated client for a new client of the tenant (created if new) with the given scopes.</summary>
    public async Task<DatawijsClient> ClientAsync(string tenant, params string[] scopes)
    {
        var issued = await Host.AddClientAsync(tenant, scopes);
        return ClientFor(issued);
    }

    public DatawijsClient ClientFor(IssuedClient issued, string? userId = null, string? userRepresentation = null)
    {
        var client = DatawijsClient.Create(
            new DatawijsClientOptions { BaseAddress = new Uri("http://localhost"), ClientId = issued.ClientId, Secret = issued.Secret },
            Host.Server.CreateHandler());
        return userId is null ? client : client.As(userId, userRepresentation);
    }

    /// <summary>The generated client as a portal uses it for one citizen: with the citizen's token from the tenant's broker.</summary>
    public DatawijsClient Citizen(string tenant, string bsn) =>
        DatawijsClient.ForCitizen(new Uri("http://localhost"), Host.Broker.Token(tenant, bsn), Host.Server.CreateHandler());

    /// <summary>
    /// Posts JSON the typed client cannot express (a value outside a contract enum: the client sends its enums' Unknown
    /// as null) and reads the problem the API answers with.
    /// </summary>
    public async Task<Problem> PostJsonAsync(IssuedClient issued, string path, string json)
    {
        using var http = Host.CreateHttpClient(issued);
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), body);
        return System.Text.Json.JsonSerializer.Deserialize<Problem>(await response.Content.ReadAsStringAsync(), Web)!;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..10];
}
