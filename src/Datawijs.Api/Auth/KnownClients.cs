using System.Collections.Concurrent;
using System.Text;
using Datawijs.Api.Hosting;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Auth;

/// <summary>A client that may sign tokens: its row and the secret it signs with.</summary>
public sealed record KnownClient(ClientRow Row, byte[] Secret);

/// <summary>
/// The clients the authentication handler checks tokens against. A found, unrevoked client whose
/// secret the master key still derives is remembered for <see cref="AuthSettings.ClientCacheSeconds"/>,
/// so a busy client costs no database read per request; a revocation is therefore honoured within
/// that time (at once when it is 0). Unknown and revoked clients are never remembered.
/// </summary>
public sealed class KnownClients(TenantRepository tenants, ClientSecrets secrets, AuthSettings settings, TimeProvider clock, ILogger<KnownClients> log)
{
    // More distinct clients than this within one cache period means something odd; start afresh.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (KnownClient Client, DateTimeOffset Until)> _remembered = new(StringComparer.Ordinal);

    /// <summary>The client, or null when it is unknown, revoked or cannot be verified with the master key.</summary>
    public async Task<KnownClient?> FindAsync(string clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_remembered.TryGetValue(clientId, out var remembered) && remembered.Until > now)
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
        if (settings.ClientCacheSeconds > 0)
        {
            if (_remembered.Count >= MaxRemembered)
            {
                _remembered.Clear();
            }

            _remembered[clientId] = (client, now.AddSeconds(settings.ClientCacheSeconds));
        }

        return client;
    }
}
