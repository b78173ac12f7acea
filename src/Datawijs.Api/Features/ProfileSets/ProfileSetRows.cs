using Datawijs.Data.ProfileSets;
using Datawijs.Domain.ProfileSets;
using Lifecycle = Datawijs.Domain.ProfileSets.ProfileSet;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>A stored profile set read as the domain's lifecycle, whose rules decide what blocks, publishes and retires it.</summary>
public static class ProfileSetRows
{
    /// <summary>The set and its profiles as a lifecycle; the profiles only matter for what blocks publication.</summary>
    public static Lifecycle Lifecycle(ProfileSetRow row, IReadOnlyList<ProfileRow> profiles)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(profiles);
        return new Lifecycle(row.Id, StateOf(row.Status), ProfileSetViews.Description(row), Profiles(profiles));
    }

    public static IReadOnlyList<Profile> Profiles(IReadOnlyList<ProfileRow> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return profiles.Select(p => new Profile(p.Id, p.Cluster, p.NameNl, p.NameEn, p.DescriptionNl, p.DescriptionEn)).ToList();
    }

    public static ProfileSetState StateOf(string status) => status switch
    {
        ProfileSetStatus.Draft => ProfileSetState.Draft,
        ProfileSetStatus.Published => ProfileSetState.Published,
        ProfileSetStatus.Retired => ProfileSetState.Retired,
        _ => throw new InvalidOperationException($"A profile set cannot be '{status}'."),
    };
}
