namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class CitizenProfile
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>What the profile means, in plain language; null when the profile set has no description.</summary>
    public string? Description { get; init; }
}
