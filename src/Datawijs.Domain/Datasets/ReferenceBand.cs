namespace Datawijs.Domain.Datasets;

/// <summary>
/// A band of a numeric feature among all residents: households whose value lies from <see cref="Min"/>
/// (inclusive) up to <see cref="Max"/> (exclusive; inclusive for the last band).
/// </summary>
public sealed record ReferenceBand(double Min, double Max, int Households);
