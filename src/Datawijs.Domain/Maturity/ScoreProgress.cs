namespace Datawijs.Domain.Maturity;

/// <summary>
/// Progress between an earlier and a later scan of the same model. A delta is <c>null</c> when
/// either scan has no score for it.
/// </summary>
public sealed record ScoreProgress(
    string ModelId,
    IReadOnlyList<CategoryProgress> Categories,
    double? EarlierOverall,
    double? LaterOverall,
    double? OverallDelta)
{
    /// <summary>
    /// Compares two scores. Scores of different models (for example the quick and the full scan)
    /// are not comparable: the answer is then <c>null</c>, not an exception, because callers meet
    /// this in normal use.
    /// </summary>
    public static ScoreProgress? Between(ScanScore earlier, ScanScore later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (!string.Equals(earlier.ModelId, later.ModelId, StringComparison.Ordinal))
        {
            return null;
        }

        var categories = later.Categories.Select(l =>
        {
            var e = earlier.Category(l.CategoryId);
            return new CategoryProgress(
                l.CategoryId,
                e?.Score,
                l.Score,
                Difference(e?.Score, l.Score),
                e?.Level,
                l.Level);
        });

        return new ScoreProgress(
            later.ModelId,
            MaturityModel.Freeze(categories),
            earlier.Overall,
            later.Overall,
            Difference(earlier.Overall, later.Overall));
    }

    private static double? Difference(double? earlier, double? later) =>
        earlier is { } e && later is { } l ? l - e : null;
}
