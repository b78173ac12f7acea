namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The outflow of one group as it may be published. <see cref="Withheld"/>: the group has fewer than
/// MinimumCount households and nothing else of it is shown. <see cref="Events"/> is null when fewer than
/// MinimumCount households left. <see cref="StopsAt"/>: the first coarsened time that is not shown because
/// fewer than MinimumCount households were still in (null when the curve is shown to its last step).
/// The median and its interval are read from the published curve (the first shown time at which the
/// share, or its lower or upper bound, is at most one half), so they are the exact ones rounded up to the
/// step, and null when the shown curve does not reach one half.
/// </summary>
public sealed record PublishedOutflowGroup(
    bool Withheld,
    int? Households,
    int? Events,
    double? Median,
    double? MedianLower,
    double? MedianUpper,
    IReadOnlyList<PublishedOutflowPoint> Curve,
    double? StopsAt);
