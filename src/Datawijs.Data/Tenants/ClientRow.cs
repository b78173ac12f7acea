namespace Datawijs.Data.Tenants;

public sealed class ClientRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string TenantSlug { get; init; } = "";

    public string ClientId { get; init; } = "";

    public string SecretSalt { get; init; } = "";

    public string SecretHash { get; init; } = "";

    /// <summary>Space-separated, as in an OAuth scope claim.</summary>
    public string Scopes { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The application's name as people read it (shown to citizens); null: the client id is shown.</summary>
    public string? Name { get; init; }
}
