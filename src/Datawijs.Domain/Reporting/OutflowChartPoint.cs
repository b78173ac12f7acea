namespace Datawijs.Domain.Reporting;

/// <summary>One step of a curve to draw: from <see cref="Time"/> on, the share still in and its 95 % interval.</summary>
public sealed record OutflowChartPoint(double Time, double Survival, double Lower, double Upper);
