namespace Datawijs.Data.Organisations;

public sealed class OrganisationRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public int? Inhabitants { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
