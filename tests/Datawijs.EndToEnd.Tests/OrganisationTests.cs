using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

public sealed class OrganisationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CreateOrganisationRequest Municipality(string name = "Gemeente Voorbeeld") =>
        new() { Name = name, Kind = OrganisationKind.Municipality, Inhabitants = 48_000, Region = "Gelderland" };

    [Fact]
    public async Task Created_organisation_can_be_read_listed_and_changed()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var created = await client.Organisations.CreateOrganisationAsync(Municipality());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = created.Content!;
        Assert.Equal(7, organisation.Id.Version);
        Assert.EndsWith("/api/v1/organisations/" + organisation.Id, created.Headers!.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("1.0.0", created.Headers!.GetValues("API-Version").Single());

        var read = await client.Organisations.GetOrganisationAsync(organisation.Id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Gemeente Voorbeeld", read.Content!.Name);
        Assert.Equal(TimeSpan.Zero, read.Content.CreatedAt.Offset);

        var changed = await client.Organisations.UpdateOrganisationAsync(organisation.Id, new UpdateOrganisationRequest { Inhabitants = 51_000 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(51_000, changed.Content!.Inhabitants);
        Assert.Equal("Gemeente Voorbeeld", changed.Content.Name);
        Assert.Equal("Gelderland", changed.Content.Region);

        var cleared = await client.Organisations.UpdateOrganisationAsync(organisation.Id, new UpdateOrganisationRequest { Region = "" });
        Assert.Null(cleared.Content!.Region);
    }

    [Fact]
    public async Task List_pages_through_every_organisation_once()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var names = Enumerable.Range(1, 7).Select(i => $"Partner {i}").ToList();
        foreach (var name in names)
        {
            await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest { Name = name, Kind = OrganisationKind.Partner });
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.Organisations.ListOrganisationsAsync(limit: 3, cursor: cursor);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Content!.Items.Count <= 3);
            seen.AddRange(page.Content.Items.Select(o => o.Name));
            cursor = page.Content.Next;
        }
        while (cursor is not null);

        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task Another_tenants_organisation_answers_404_and_stays_unchanged()
    {
        var owner = await api.ClientAsync(ApiFixture.NewTenant());
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var organisation = (await owner.Organisations.CreateOrganisationAsync(Municipality("Eigen gemeente"))).Content!;

        var read = await stranger.Organisations.GetOrganisationAsync(organisation.Id);
        var change = await stranger.Organisations.UpdateOrganisationAsync(organisation.Id, new UpdateOrganisationRequest { Name = "Overgenomen" });
        var list = await stranger.Organisations.ListOrganisationsAsync();

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(404, read.Problem()?.Status);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Empty(list.Content!.Items);
        Assert.Equal("Eigen gemeente", (await owner.Organisations.GetOrganisationAsync(organisation.Id)).Content!.Name);
    }

    [Fact]
    public async Task Empty_create_lists_every_invalid_field_at_once()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var response = await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = response.Problem();
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["kind", "name"], problem.InvalidParams!.Select(p => p.Name).Order());
        Assert.All(problem.InvalidParams!, p => Assert.False(string.IsNullOrEmpty(p.Reason)));
    }

    [Fact]
    public async Task Invalid_values_are_reported_with_codes()
    {
        var issued = await api.Host.AddClientAsync(ApiFixture.NewTenant());

        // "county" is outside the contract's enum, so the typed client cannot send it.
        var response = await api.PostJsonAsync(issued, "/api/v1/organisations", $$"""{"name":"{{new string('x', 201)}}","kind":"county","inhabitants":-1}""");

        var codes = response.InvalidParams!.ToDictionary(p => p.Name, p => p.Code);
        Assert.Equal("max-length", codes["name"]);
        Assert.Equal("one-of", codes["kind"]);
        Assert.Equal("range", codes["inhabitants"]);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_creates_exactly_one()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var key = Guid.NewGuid().ToString();

        var first = await client.Organisations.CreateOrganisationAsync(Municipality("Eenmalig"), idempotencyKey: key);
        var retry = await client.Organisations.CreateOrganisationAsync(Municipality("Eenmalig"), idempotencyKey: key);
        var misuse = await client.Organisations.CreateOrganisationAsync(Municipality("Iets anders"), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Content!.Id, retry.Content!.Id);
        Assert.Equal(first.Headers!.Location, retry.Headers!.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.StatusCode);
        Assert.Single((await client.Organisations.ListOrganisationsAsync()).Content!.Items);
    }

    [Fact]
    public async Task A_client_without_the_write_scope_is_refused_with_403()
    {
        var reader = await api.ClientAsync(ApiFixture.NewTenant(), "scans:read");

        var response = await reader.Organisations.CreateOrganisationAsync(Municipality());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, response.Problem()?.Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.Organisations.ListOrganisationsAsync()).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        Assert.Equal("ok", (await client.Health.GetLivenessAsync()).Content!.Status);
        Assert.Equal("ok", (await client.Health.GetReadinessAsync()).Content!.Status);
    }
}
