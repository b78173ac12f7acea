using System.Net;
using Datawijs.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

public sealed class ClientRegistrationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AddDatawijsClient_registers_every_api_with_a_signing_handler()
    {
        var issued = await api.Host.AddClientAsync(ApiFixture.NewTenant());
        var services = new ServiceCollection();
        services.AddDatawijsClient(new Uri("http://localhost"), issued.ClientId, issued.Secret,
            o => o.UserRepresentation = "Test Medewerker", () => api.Host.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var organisations = provider.GetRequiredService<IOrganisationsApi>();
        var facade = provider.GetRequiredService<DatawijsClient>();

        Assert.Equal(HttpStatusCode.OK, (await organisations.ListOrganisationsAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await facade.Organisations.ListOrganisationsAsync()).StatusCode);
        Assert.All(DatawijsClient.ApiTypes, type => Assert.NotNull(provider.GetService(type)));
    }

    [Fact]
    public async Task A_client_with_a_wrong_secret_is_refused()
    {
        var issued = await api.Host.AddClientAsync(ApiFixture.NewTenant());
        var client = api.ClientFor(issued with { Secret = issued.Secret[..^2] + "xx" });

        var response = await client.Organisations.ListOrganisationsAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, response.Problem()?.Status);
    }
}
