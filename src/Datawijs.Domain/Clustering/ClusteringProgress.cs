namespace Datawijs.Domain.Clustering;

/// <summary>Where a clustering job is; <see cref="Fraction"/> runs from 0 to 1.</summary>
public sealed record ClusteringProgress(string Phase, int K, int Restart, int Iteration, double Fraction);
