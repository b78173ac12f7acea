using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Reporting;

/// <summary>A profile's published median time to outflow with its interval (all null when not published or not reached).</summary>
public sealed record OutflowFact(double? Median, double? Lower, double? Upper, DurationUnit Unit);
