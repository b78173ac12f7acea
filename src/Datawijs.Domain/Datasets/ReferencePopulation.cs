namespace Datawijs.Domain.Datasets;

/// <summary>
/// Aggregate counts for all households of the municipality (for example from CBS StatLine), so that profiles can be
/// compared with all residents and not only with the uploaded file. <see cref="Categorical"/>: per declared value of
/// a clustering or descriptive categorical feature, the number of households. <see cref="Numeric"/>: bands of a
/// numeric feature. Per feature the counts add up to at most <see cref="Households"/>; the rest is households
/// whose value the source does not know.
/// </summary>
public sealed record ReferencePopulation(
    string Source,
    int Year,
    int Households,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Categorical,
    IReadOnlyDictionary<string, IReadOnlyList<ReferenceBand>> Numeric);
