namespace Datawijs.Api.Features.Citizen;

/// <summary>Where the citizen finds every published profile, and what a profile does not say.</summary>
public sealed class ProfilesNotice
{
    /// <summary>The list of all published profiles of the municipality (no login needed).</summary>
    public string Link { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>A profile shows what is relatively more frequent in a group, not what is true of this person (correlation is not causation).</summary>
    public string Caveat { get; init; } = "";

    public static ProfilesNotice For(string tenantSlug, Domain.Language language) => new()
    {
        Link = $"/api/v1/public/{tenantSlug}/profiles",
        Text = CitizenTexts.AllProfiles(language),
        Caveat = CitizenTexts.ProfileCaveat(language),
    };
}
