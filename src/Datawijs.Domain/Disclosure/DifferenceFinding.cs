namespace Datawijs.Domain.Disclosure;

/// <summary>
/// A figure of the new publication whose difference with the same figure of an earlier publication would
/// show a group of 1..MinimumCount−1 households. <see cref="Cluster"/> null = the whole dataset;
/// <see cref="Feature"/> null = the number of households (of the profile or the dataset), else the count of
/// <see cref="Value"/> (null = unknown). <see cref="EarlierCluster"/>: the profile it was paired with.
/// Deliberately carries no counts.
/// </summary>
public sealed record DifferenceFinding(
    int? Cluster,
    string? Feature,
    string? Value,
    Guid EarlierProfileSetId,
    DateTimeOffset EarlierPublishedAt,
    int? EarlierCluster);
