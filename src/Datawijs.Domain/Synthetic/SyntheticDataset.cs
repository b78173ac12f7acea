using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Synthetic;

/// <summary>Generated demo households with the planted group of every row. Synthetic only: no real person.</summary>
public sealed class SyntheticDataset
{
    private readonly int[] trueGroups;

    internal SyntheticDataset(MixedDataMatrix matrix, int[] trueGroups, IReadOnlyList<string> groupNames)
    {
        Matrix = matrix;
        this.trueGroups = trueGroups;
        GroupNames = groupNames;
    }

    public IReadOnlyList<FeatureDefinition> Features => Matrix.Features;

    public MixedDataMatrix Matrix { get; }

    /// <summary>The planted group (0..4) of every row.</summary>
    public ReadOnlySpan<int> TrueGroups => trueGroups;

    public IReadOnlyList<string> GroupNames { get; }
}
