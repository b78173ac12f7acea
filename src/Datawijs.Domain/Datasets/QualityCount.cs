namespace Datawijs.Domain.Datasets;

/// <summary>A count as it may be shown: rounded, with its whole-percent share; both null when suppressed.</summary>
public sealed record QualityCount(int? Households, int? SharePercent, bool Suppressed);
