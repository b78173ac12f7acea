namespace Datawijs.Domain.Clustering;

/// <summary>The outcome of <see cref="KPrototypes.Fit"/>.</summary>
public sealed class ClusteringResult
{
    internal ClusteringResult(
        ClusterModel model,
        int[] labels,
        int? requestedK,
        double cost,
        int iterations,
        int bestRestart,
        IReadOnlyList<int> clusterSizes,
        IReadOnlyList<KQuality> qualityPerK,
        IReadOnlyList<ClusteringNote> notes,
        int minClusterSize,
        long seed)
    {
        Model = model;
        this.labels = labels;
        RequestedK = requestedK;
        Cost = cost;
        Iterations = iterations;
        BestRestart = bestRestart;
        ClusterSizes = clusterSizes;
        QualityPerK = qualityPerK;
        Notes = notes;
        MinClusterSize = minClusterSize;
        Seed = seed;
    }

    private readonly int[] labels;

    /// <summary>Prototypes, standardisation, gamma: all that is needed to assign and explain.</summary>
    public ClusterModel Model { get; }

    /// <summary>The cluster of every row (0..K−1), in row order.</summary>
    public ReadOnlySpan<int> Labels => labels;

    /// <summary>The labels themselves (read only), for work split over threads.</summary>
    internal int[] LabelArray => labels;

    /// <summary>The chosen (final) number of clusters.</summary>
    public int K => Model.K;

    /// <summary>The k asked for, or null when k was chosen by silhouette.</summary>
    public int? RequestedK { get; }

    public double Cost { get; }

    /// <summary>Iterations of the kept restart for the chosen k.</summary>
    public int Iterations { get; }

    public int BestRestart { get; }

    public IReadOnlyList<int> ClusterSizes { get; }

    /// <summary>Every k that was fitted, in the order it was fitted.</summary>
    public IReadOnlyList<KQuality> QualityPerK { get; }

    public IReadOnlyList<ClusteringNote> Notes { get; }

    public int MinClusterSize { get; }

    public bool MeetsMinimumClusterSize => ClusterSizes.Count > 0 && ClusterSizes.Min() >= MinClusterSize;

    public long Seed { get; }

    public double Gamma => Model.Gamma;

    public IReadOnlyList<NumericStandardisation> Standardisation => Model.Numerics;

    /// <summary>A copy of the labels (for storage or for lists).</summary>
    public int[] LabelsToArray() => (int[])labels.Clone();
}
