using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Tests.Disclosure;

/// <summary>Builds datasets with exactly the counts a test needs.</summary>
internal static class ProfileFixtures
{
    /// <summary>
    /// One categorical clustering feature "benefit" with the given values; counts[j][v] households of
    /// profile j have value v (a value of null in <paramref name="values"/> would be the unknown cell).
    /// </summary>
    public static (MixedDataMatrix Matrix, int[] Labels) FromCounts(string[] values, int[][] counts, FeatureRole role = FeatureRole.Clustering)
    {
        var codes = new List<int>();
        var labels = new List<int>();
        for (var j = 0; j < counts.Length; j++)
        {
            for (var v = 0; v < values.Length; v++)
            {
                for (var i = 0; i < counts[j][v]; i++)
                {
                    codes.Add(v);
                    labels.Add(j);
                }
            }
        }

        var features = new[] { new FeatureDefinition("benefit", FeatureType.Categorical, role, true, values) };
        return (MixedDataMatrix.FromColumns(features, [codes.ToArray()]), labels.ToArray());
    }

    public static ProfileSetDescription Describe(string[] values, int[][] counts)
    {
        var (matrix, labels) = FromCounts(values, counts);
        return ProfileDescriber.Describe(matrix, labels, counts.Length);
    }
}
