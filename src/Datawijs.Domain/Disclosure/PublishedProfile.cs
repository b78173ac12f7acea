namespace Datawijs.Domain.Disclosure;

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
