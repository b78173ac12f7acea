using Datawijs.Domain.Clustering;

namespace Datawijs.Domain.Tests.Clustering;

public sealed class ClusterAgreementTests
{
    [Fact]
    public void Identical_partitions_with_renamed_clusters_have_adjusted_rand_index_one()
    {
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Adjusted_rand_index_matches_a_hand_computed_value()
    {
        // Contingency [[2,1],[0,3]]: index 1+3 = 4, rows 3+3 = 6, cols 1+6 = 7, pairs 15 -> (4-2.8)/(6.5-2.8).
        var ari = ClusterAgreement.AdjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]);

        Assert.Equal((4 - 2.8) / (6.5 - 2.8), ari, 12);
    }
}
