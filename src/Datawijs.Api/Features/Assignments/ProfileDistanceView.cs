namespace Datawijs.Api.Features.Assignments;

public sealed class ProfileDistanceView
{
    public Guid ProfileId { get; init; }

    public string ProfileName { get; init; } = "";

    /// <summary>Against the profile's centres rounded as published medians are, two decimals; listed in the exact order.</summary>
    public double Distance { get; init; }
}
