using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// A figure as it may be shown: a rounded count, a whole-percent share, its population share and the
/// lift (1 decimal), the last three computed from rounded counts (<see cref="PublishedFigures"/>).
/// Everything is null when <see cref="Suppressed"/>; share of the population and lift also when the
/// value's population count is suppressed.
/// </summary>
public sealed record PublishedCell(
    string? Value,
    bool Suppressed,
    int? Households,
    int? SharePercent,
    int? PopulationSharePercent,
    double? Lift,
    bool? RelativelyMoreFrequent);

public sealed record PublishedDistribution(string Feature, FeatureRole Role, IReadOnlyList<PublishedCell> Cells);

/// <summary>A numeric feature is only ever shown as a rounded median (never a minimum or maximum); null = suppressed.</summary>
public sealed record PublishedMedian(string Feature, FeatureRole Role, double? Median, double? PopulationMedian);

/// <summary>
/// A value relatively more frequent in the profile than in the whole dataset, by the published counts
/// (<see cref="PublishedFigures.RelativelyMoreFrequent"/>): only ever for a value whose count is shown, so a
/// highlight never says anything about a suppressed count. <see cref="Lift"/> is that cell's published lift.
/// </summary>
public sealed record PublishedHighlight(string Feature, string Value, double? Lift);

/// <summary>One profile as it may be published.</summary>
public sealed class PublishedProfile
{
    internal PublishedProfile(
        int cluster,
        int households,
        IReadOnlyList<PublishedDistribution> categorical,
        IReadOnlyList<PublishedMedian> medians,
        IReadOnlyList<PublishedDistribution> protectedDistributions,
        IReadOnlyList<PublishedMedian> protectedMedians,
        IReadOnlyList<PublishedHighlight> relativelyMoreFrequent)
    {
        Cluster = cluster;
        Households = households;
        Categorical = categorical;
        Medians = medians;
        Protected = protectedDistributions;
        ProtectedMedians = protectedMedians;
        RelativelyMoreFrequent = relativelyMoreFrequent;
    }

    public int Cluster { get; }

    /// <summary>Rounded to the rounding base.</summary>
    public int Households { get; }

    public IReadOnlyList<PublishedDistribution> Categorical { get; }

    public IReadOnlyList<PublishedMedian> Medians { get; }

    /// <summary>Protected features in this profile against the population, to spot reinforced inequality.</summary>
    public IReadOnlyList<PublishedDistribution> Protected { get; }

    public IReadOnlyList<PublishedMedian> ProtectedMedians { get; }

    /// <summary>Strongest lift first.</summary>
    public IReadOnlyList<PublishedHighlight> RelativelyMoreFrequent { get; }
}

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
