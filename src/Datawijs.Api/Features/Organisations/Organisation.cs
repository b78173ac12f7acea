using Datawijs.Data.Organisations;

namespace Datawijs.Api.Features.Organisations;

/// <summary>A scanned organisation with the attributes used to form peer groups.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>municipality, department, partner or other.</summary>
    [Datawijs.Api.OpenApi.WireValues("municipality", "department", "partner", "other")]
    public string Kind { get; init; } = "";

    public int? Inhabitants { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A synthetic example for the contract.</summary>
    public static Organisation Example => new()
    {
        Id = Guid.Parse("019a8f2e-4c1d-7b3a-9e5f-2d6c8a1b4e70"),
        Name = "Gemeente Voorbeeldstad",
        Kind = "municipality",
        Inhabitants = 48_000,
        Region = "Gelderland",
        CreatedAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
    };

    public static Organisation From(OrganisationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Organisation
        {
            Id = row.Id,
            Name = row.Name,
            Kind = row.Kind,
            Inhabitants = row.Inhabitants,
            Region = row.Region,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }
}
