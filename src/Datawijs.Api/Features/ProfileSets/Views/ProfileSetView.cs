namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The profiles with their figures after the disclosure gate, and how they were made.</summary>
public sealed class ProfileSetView
{
    public MethodView Method { get; init; } = new();

    /// <summary>Null while the disclosure gate blocks the set.</summary>
    public PopulationView? Population { get; init; }

    public IReadOnlyList<ProfileView> Profiles { get; init; } = [];

    /// <summary>The inequality check and its outcome, in plain words too; null for a set published before the check existed.</summary>
    public FairnessCheckView? Fairness { get; init; }

    /// <summary>
    /// Time to outflow per profile as published (coarsened times, never where fewer than 10 are still in, counts
    /// rounded to 5, profiles under 10 withheld); null when the dataset has no outflow outcome, and in a draft.
    /// </summary>
    public PublishedOutflowView? Outflow { get; init; }

    /// <summary>What "all residents" means in <c>moreFrequentThanAmongResidents</c>: the reference population's source, year and households; null without one.</summary>
    public ResidentsView? Residents { get; init; }
}
