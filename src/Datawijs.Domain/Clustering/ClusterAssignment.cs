namespace Datawijs.Domain.Clustering;

/// <summary>A row's nearest cluster and its distance to every cluster (index = cluster).</summary>
public sealed record ClusterAssignment(int Cluster, IReadOnlyList<double> Distances);
