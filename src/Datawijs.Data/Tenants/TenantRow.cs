namespace Datawijs.Data.Tenants;

public sealed class TenantRow
{
    public Guid Id { get; init; }

    public string Slug { get; init; } = "";

    public string Name { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
