using System.Collections.Concurrent;
using System.Text;
using Datawijs.Api.Configuration;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Auth;

/// <summary>A client that may sign tokens: its row and the secret it signs with.</summary>
public sealed record KnownClient(ClientRow Row, byte[] Secret);

/// <summary>
/// The clients the authentication handler checks tokens against. A found, unrevoked client whose
/// secret the master key still derives is remembered for <see cref="AuthSettings.ClientCacheSeconds"/>,
/// so a busy client costs no database read per request. A revocation raises the tenant's clients
/// counter (<see cref="Caching.ChangeWatch"/>), so every instance forgets the client within
/// <see cref="Caching.ChangeWatch.Bound"/> (and within that time at the latest; at once when it is 0).
/// Unknown and revoked clients are never remembered.
/// </summary>
public sealed class KnownClients(TenantRepository tenants, ClientSecrets secrets, AuthSettings settings, Caching.ChangeWatch changes, TimeProvider clock, ILogger<KnownClients> log)
{
    // More distinct clients than this within one cache period means something odd; start afresh.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (KnownClient Client, DateTimeOffset Until, long Version)> _remembered = new(StringComparer.Ordinal);

    /// <summary>The client, or null when it is unknown, revoked or cannot be verified with the master key.</summary>
    public async Task<KnownClient?> FindAsync(string clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = changes.Now();
        if (_remembered.TryGetValue(clientId, out var remembered) && remembered.Until > now
            && snapshot?.Version(remembered.Client.Row.TenantId, Data.Changes.ChangeKinds.Clients) == remembered.Version)
        {
            return remembered.Client;
        }

        var row = await tenants.FindClientAsync(clientId, ct);
        if (row is null || row.RevokedAt is not null)
        {
            _remembered.TryRemove(clientId, out _);
            return null;
        }

        var secret = secrets.Derive(row.ClientId, row.SecretSalt);
        if (!ClientSecrets.Matches(secret, row.SecretHash))
        {
            // The master key changed since this client was issued: its secret no longer exists.
            log.LogWarning("Client {ClientId} cannot be verified with the configured master key.", row.ClientId);
            return null;
        }

        var client = new KnownClient(row, Encoding.UTF8.GetBytes(secret));
        if (settings.ClientCacheSeconds > 0 && snapshot is not null)
        {
            if (_remembered.Count >= MaxRemembered)
            {
                _remembered.Clear();
            }

            // Tagged with the counter read before the client was: a revocation in between makes it stale, never the reverse.
            _remembered[clientId] = (client, now.AddSeconds(settings.ClientCacheSeconds), snapshot.Version(row.TenantId, Data.Changes.ChangeKinds.Clients));
        }

        return client;
    }
}
