using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Datawijs.Api.Auth;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Admin;

/// <summary>The operations behind the admin sub-commands and the Development demo tenant.</summary>
public sealed partial class TenantAdministration(TenantRepository tenants, ClientSecrets secrets, TimeProvider clock)
{
    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public async Task<(TenantRow Tenant, bool Created)> AddTenantAsync(string slug, string name, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await tenants.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(now), Slug = slug, Name = name, CreatedAt = now }, ct);
    }

    public Task<IssuedClient> AddClientAsync(TenantRow tenant, IReadOnlyList<string> scopes, CancellationToken ct = default) =>
        AddClientAsync(tenant, scopes, null, ct);

    /// <summary>A new client of the tenant; <paramref name="name"/> is the application's name as citizens read it (who may use their data), optional.</summary>
    public async Task<IssuedClient> AddClientAsync(TenantRow tenant, IReadOnlyList<string> scopes, string? name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var now = clock.GetUtcNow();
        var clientId = tenant.Slug + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var issued = secrets.Issue(clientId);
        await tenants.AddClientAsync(new ClientRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Id,
            ClientId = clientId,
            SecretSalt = issued.Salt,
            SecretHash = issued.Hash,
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        }, ct);
        return new IssuedClient(tenant.Slug, clientId, issued.Secret, scopes);
    }

    /// <summary>The secret of an existing client, derived again from the master key (Development demo only).</summary>
    public string? SecretOf(ClientRow client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var secret = secrets.Derive(client.ClientId, client.SecretSalt);
        return ClientSecrets.Matches(secret, client.SecretHash) ? secret : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
