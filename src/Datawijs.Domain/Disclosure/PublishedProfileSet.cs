namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The view model of a profile set. It has no public constructor: the only way to get one is
/// <see cref="DisclosureGate.Apply"/>, so nothing unchecked can be published.
/// </summary>
public sealed class PublishedProfileSet
{
    internal PublishedProfileSet(
        int totalHouseholds,
        IReadOnlyList<PublishedDistribution> population,
        IReadOnlyList<PublishedMedian> populationMedians,
        IReadOnlyList<PublishedProfile> profiles,
        DisclosureRules rules)
    {
        TotalHouseholds = totalHouseholds;
        Population = population;
        PopulationMedians = populationMedians;
        Profiles = profiles;
        Rules = rules;
    }

    /// <summary>Rounded to the rounding base.</summary>
    public int TotalHouseholds { get; }

    /// <summary>The whole dataset's distributions (all roles), after the same rules.</summary>
    public IReadOnlyList<PublishedDistribution> Population { get; }

    public IReadOnlyList<PublishedMedian> PopulationMedians { get; }

    public IReadOnlyList<PublishedProfile> Profiles { get; }

    /// <summary>The rules applied, for "how were these made".</summary>
    public DisclosureRules Rules { get; }
}
