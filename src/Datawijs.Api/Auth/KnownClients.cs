using System.Text;
using Datawijs.Api.Caching;
using Datawijs.Data.Changes;
using Datawijs.Api.Configuration;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Auth;

/// <summary>
/// The clients the authentication handler checks tokens against. A found, unrevoked client whose
/// secret the master key still derives is kept in <see cref="ApiCache"/> for <see cref="AuthSettings.ClientCacheSeconds"/>,
/// so a busy client costs no database read per request. A revocation raises the tenant's clients
/// counter, so every instance forgets the client within <see cref="ChangeWatch.Bound"/> (and within
/// the cache time at the latest; at once when it is 0). Unknown and revoked clients are never kept.
/// </summary>
public sealed class KnownClients(TenantRepository tenants, ClientSecrets secrets, AuthSettings settings, ApiCache cache, ILogger<KnownClients> log)
{
    /// <summary>The client, or null when it is unknown, revoked or cannot be verified with the master key.</summary>
    public Task<KnownClient?> FindAsync(string clientId, CancellationToken ct) =>
        cache.GetOrLoadAsync(
            new ClientKey(clientId),
            TimeSpan.FromSeconds(settings.ClientCacheSeconds),
            loadCt => LoadAsync(clientId, loadCt),
            client => client is null ? null : CacheTag.Of(client.Row.TenantId, ChangeKinds.Clients),
            ct);

    private async Task<KnownClient?> LoadAsync(string clientId, CancellationToken ct)
    {
        var row = await tenants.FindClientAsync(clientId, ct);
        if (row is null || row.RevokedAt is not null)
        {
            return null;
        }

        var secret = secrets.Derive(row.ClientId, row.SecretSalt);
        if (!ClientSecrets.Matches(secret, row.SecretHash))
        {
            // The master key changed since this client was issued: its secret no longer exists.
            log.LogWarning("Client {ClientId} cannot be verified with the configured master key.", row.ClientId);
            return null;
        }

        return new KnownClient(row, Encoding.UTF8.GetBytes(secret));
    }

    private sealed record ClientKey(string ClientId);
}
