namespace Datawijs.Domain.Reporting;

/// <summary>
/// One group's curve to draw. <see cref="StopsAt"/>: where a published curve stops because too few were still
/// in (drawn as the end of the line and said in the description).
/// </summary>
public sealed record OutflowChartGroup(
    string Label,
    IReadOnlyList<OutflowChartPoint> Steps,
    double? Median,
    double? MedianLower,
    double? MedianUpper,
    double? StopsAt = null);
