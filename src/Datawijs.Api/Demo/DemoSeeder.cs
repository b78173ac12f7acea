using Datawijs.Api.Admin;
using Datawijs.Api.Auth;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Demo;

/// <summary>
/// In Development, a demo tenant with one all-scopes client, and its credentials printed on
/// every start, so a newcomer can call the API within a minute. Never runs elsewhere.
/// </summary>
public sealed class DemoSeeder(TenantRepository tenants, TenantAdministration administration, TimeProvider clock)
{
    public const string TenantSlug = "demo";

    public async Task<(TenantRow Tenant, IssuedClient Client)> EnsureAsync(CancellationToken ct = default)
    {
        var (tenant, _) = await administration.AddTenantAsync(TenantSlug, "Demogemeente (synthetic data)", ct);
        foreach (var existing in await tenants.ListClientsAsync(tenant.Id, ct))
        {
            if (existing.RevokedAt is null && administration.SecretOf(existing) is { } secret)
            {
                return (tenant, new IssuedClient(tenant.Slug, existing.ClientId, secret, existing.Scopes.Split(' ')));
            }
        }

        return (tenant, await administration.AddClientAsync(tenant, Scopes.Known, "Demo-applicatie (alle rechten)", ct));
    }

    public void Print(IssuedClient client, string baseUrl, TextWriter output, Auth.Citizens.DevelopmentBroker? broker = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        var token = ZgwToken.Create(client.ClientId, client.Secret, clock.GetUtcNow(), userId: "demo-user", userRepresentation: "Demo Medewerker");
        output.WriteLine();
        output.WriteLine("Datawijs development demo (synthetic tenant '" + client.TenantSlug + "'):");
        output.WriteLine("  client id : " + client.ClientId);
        output.WriteLine("  secret    : " + client.Secret);
        output.WriteLine("  token     : " + token + "   (valid for one hour)");
        output.WriteLine("  try       : curl -H \"Authorization: Bearer " + token + "\" " + baseUrl + "/api/v1/organisations");
        output.WriteLine("  demo scan : " + baseUrl + "/api/v1/scans/" + DemoMaturity.ScanId + "/score   (also /radar.svg and /recommendations)");
        output.WriteLine("  benchmark : " + baseUrl + "/api/v1/benchmarks?modelId=" + DemoMaturity.Model.Id + "   (also /api/v1/benchmarks/tier-medians.svg?modelId=" + DemoMaturity.Model.Id + ")");
        if (broker is not null)
        {
            // Labelled differently from the client token: scripts pick each by its own label.
            var citizen = broker.CreateToken(DemoCitizen.Bsn, clock.GetUtcNow());
            output.WriteLine("  citizen BSN   : " + DemoCitizen.Bsn + "   (synthetic; has advice in the demo)");
            output.WriteLine("  citizen token : " + citizen + "   (valid for one hour; issued by the development broker)");
            output.WriteLine("  try as citizen: curl -H \"Authorization: Bearer " + citizen + "\" " + baseUrl + "/api/v1/citizen/explanation");
        }

        output.WriteLine();
    }
}
