namespace Datawijs.Domain.Disclosure;

/// <summary>
/// One count of a publication: a categorical feature's value (null = unknown) with its exact count, and
/// whether the publication showed it (rounded) or suppressed it. Exact: internal, never published.
/// </summary>
public sealed record PublishedCount(string Feature, string? Value, int Count, bool Shown);
