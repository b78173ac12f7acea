namespace Datawijs.Domain.Datasets;

/// <summary>How often a categorical value occurs.</summary>
public sealed record QualityValue(string Value, QualityCount Count);
