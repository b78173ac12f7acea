namespace Datawijs.Domain.Clustering;

/// <summary>
/// Settings of one clustering run. Either <see cref="K"/> is given, or k is chosen over
/// <see cref="KMin"/>..<see cref="KMax"/> by mean silhouette on a seeded sample.
/// </summary>
public sealed record KPrototypesOptions
{
    /// <summary>A fixed number of clusters; null = choose k by silhouette over KMin..KMax.</summary>
    public int? K { get; init; }

    public int KMin { get; init; } = 2;

    public int KMax { get; init; } = 8;

    /// <summary>Independent starts per k; the one with the lowest cost is kept (ties: the earliest).</summary>
    public int Restarts { get; init; } = 5;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Same data + same seed = same clusters, on every machine and any degree of parallelism.</summary>
    public long Seed { get; init; } = 20240501;

    /// <summary>
    /// Weight of one categorical mismatch. Null = Huang's rule, 0.5 × mean standard deviation of the
    /// numeric clustering features, taken in the space where the distance is computed, i.e. after
    /// standardisation (see <see cref="KPrototypes"/>).
    /// </summary>
    public double? Gamma { get; init; }

    /// <summary>Smallest allowed cluster; a smaller one makes k too large (see <see cref="KPrototypes"/>).</summary>
    public int MinClusterSize { get; init; } = 10;

    /// <summary>Households in the seeded silhouette sample.</summary>
    public int SilhouetteSampleSize { get; init; } = 2000;

    public PrototypeInitialisation Initialisation { get; init; } = PrototypeInitialisation.KMeansPlusPlus;

    /// <summary>Threads used; null = all cores. Never changes the result, only the speed.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Memory a fit may use to keep its rows loaded (z-scores as doubles, codes as ints) instead of
    /// loading each chunk again at every pass; a larger dataset is loaded chunk by chunk at each visit.
    /// 0 = never keep. Never changes the result, only the speed (see <see cref="KPrototypes.KeptBytes"/>).
    /// </summary>
    public long KeptBytes { get; init; } = KPrototypes.KeptBytes;

    /// <summary>Problems with these options for a dataset of <paramref name="rowCount"/> rows (empty = valid), for a 400 answer.</summary>
    public IReadOnlyList<string> Validate(int rowCount)
    {
        var problems = new List<string>();
        if (rowCount < 1)
        {
            problems.Add("the dataset has no records");
        }

        if (K is { } k && (k < 1 || k > rowCount))
        {
            problems.Add("k must be between 1 and the number of records");
        }

        if (K is null && (KMin < 2 || KMax < KMin || KMax > rowCount))
        {
            problems.Add("kMin must be at least 2 and kMax between kMin and the number of records");
        }

        if (Restarts < 1)
        {
            problems.Add("restarts must be at least 1");
        }

        if (MaxIterations < 1)
        {
            problems.Add("maxIterations must be at least 1");
        }

        if (Gamma is { } g && (!double.IsFinite(g) || g < 0))
        {
            problems.Add("gamma must be a finite number of at least 0");
        }

        if (MinClusterSize < 1)
        {
            problems.Add("minClusterSize must be at least 1");
        }

        if (SilhouetteSampleSize < 2)
        {
            problems.Add("silhouetteSampleSize must be at least 2");
        }

        if (KeptBytes < 0)
        {
            problems.Add("keptBytes must be at least 0");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            problems.Add("maxDegreeOfParallelism must be at least 1");
        }

        return problems;
    }
}
