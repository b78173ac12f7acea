namespace Datawijs.Domain.Maturity;

/// <summary>The score of a scan. A stored score never changes; it pins the model it was computed with.</summary>
/// <param name="Overall">Weighted mean of the category scores that exist; <c>null</c> when no category has one.</param>
/// <param name="ExcludedCategoryIds">Categories without any answer, left out of <paramref name="Overall"/>.</param>
public sealed record ScanScore(
    string ModelId,
    RespondentCombination Combination,
    int RespondentCount,
    IReadOnlyList<CategoryScore> Categories,
    double? Overall,
    int? OverallLevel,
    IReadOnlyList<string> ExcludedCategoryIds)
{
    public CategoryScore? Category(string categoryId) =>
        Categories.FirstOrDefault(c => string.Equals(c.CategoryId, categoryId, StringComparison.Ordinal));
}
