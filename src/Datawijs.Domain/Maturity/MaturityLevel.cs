namespace Datawijs.Domain.Maturity;

/// <summary>
/// One of the five maturity levels. A score reaches the level when it is at least the threshold.
/// </summary>
public sealed record MaturityLevel(int Number, string Id, LocalizedText Name, LocalizedText Description, double Threshold);
