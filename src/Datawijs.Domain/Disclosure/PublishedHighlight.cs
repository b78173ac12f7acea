namespace Datawijs.Domain.Disclosure;

/// <summary>
/// A value relatively more frequent in the profile than in the whole dataset, by the published counts
/// (<see cref="PublishedFigures.RelativelyMoreFrequent"/>): only ever for a value whose count is shown, so a
/// highlight never says anything about a suppressed count. <see cref="Lift"/> is that cell's published lift.
/// </summary>
public sealed record PublishedHighlight(string Feature, string Value, double? Lift);
