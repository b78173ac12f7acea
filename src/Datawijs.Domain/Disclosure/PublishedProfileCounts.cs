namespace Datawijs.Domain.Disclosure;

/// <summary>One profile of a publication: its exact size (always shown, rounded) and its counts.</summary>
public sealed record PublishedProfileCounts(int Cluster, int Households, IReadOnlyList<PublishedCount> Cells);
