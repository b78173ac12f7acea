namespace Datawijs.Domain.Clustering;

/// <summary>How the first prototypes of a restart are chosen.</summary>
public enum PrototypeInitialisation
{
    /// <summary>
    /// k-means++ with the k-prototypes dissimilarity: the first prototype is a random household, every
    /// next one a household drawn with probability proportional to its dissimilarity to the nearest
    /// prototype so far. Seeded, so deterministic.
    /// </summary>
    KMeansPlusPlus,

    /// <summary>k distinct random households (Huang's original); mainly for comparison.</summary>
    Random,
}
