namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One profile as it may be shown (figures are absent while the disclosure gate blocks the set).</summary>
public sealed class ProfileView
{
    public Guid Id { get; init; }

    /// <summary>1, 2, 3... in the order of the clustering.</summary>
    public int Number { get; init; }

    public ProfileText Name { get; init; } = new();

    public ProfileText Description { get; init; } = new();

    /// <summary>Households, rounded to 5.</summary>
    public int? Households { get; init; }

    /// <summary>What distinguishes the profile: strongest first.</summary>
    public IReadOnlyList<HighlightView> RelativelyMoreFrequent { get; init; } = [];

    /// <summary>
    /// What is more frequent in the profile than among all residents (the dataset's reference population), by the
    /// same rule as <c>relativelyMoreFrequent</c> and from the profile's published counts; strongest first. Empty
    /// without a reference population.
    /// </summary>
    public IReadOnlyList<HighlightView> MoreFrequentThanAmongResidents { get; init; } = [];

    public IReadOnlyList<DistributionView> Categorical { get; init; } = [];

    public IReadOnlyList<MedianView> Medians { get; init; } = [];

    /// <summary>Protected features (never in the distance) against the population, to spot reinforced inequality.</summary>
    public IReadOnlyList<DistributionView> Protected { get; init; } = [];

    public IReadOnlyList<MedianView> ProtectedMedians { get; init; } = [];
}
