namespace Datawijs.Domain.Disclosure;

/// <summary>
/// A figure as it may be shown: a rounded count, a whole-percent share, its population share and the
/// lift (1 decimal), the last three computed from rounded counts (<see cref="PublishedFigures"/>).
/// Everything is null when <see cref="Suppressed"/>; share of the population and lift also when the
/// value's population count is suppressed.
/// </summary>
public sealed record PublishedCell(
    string? Value,
    bool Suppressed,
    int? Households,
    int? SharePercent,
    int? PopulationSharePercent,
    double? Lift,
    bool? RelativelyMoreFrequent);
