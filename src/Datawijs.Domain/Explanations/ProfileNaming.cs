namespace Datawijs.Domain.Explanations;

/// <summary>The name (and optional description) a person gave one cluster of a profile set.</summary>
/// <remarks><see cref="PublishedMedians"/>: the profile's medians as published (see <see cref="PublishedProfile.PublishedMedians"/>).</remarks>
public sealed record ProfileNaming(Guid Id, LocalizedText Name, LocalizedText? Description = null, IReadOnlyDictionary<string, double?>? PublishedMedians = null, int? PublishedHouseholds = null);
