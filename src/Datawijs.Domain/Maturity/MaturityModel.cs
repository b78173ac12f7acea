using System.Collections.Immutable;

namespace Datawijs.Domain.Maturity;

/// <summary>
/// A versioned maturity questionnaire. A scan pins one model id, so its score can always be
/// reproduced; a changed questionnaire gets a new id.
/// </summary>
public sealed record MaturityModel(
    string Id,
    int Version,
    ModelVariant Variant,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<MaturityLevel> Levels,
    IReadOnlyList<MaturityCategory> Categories)
{
    /// <summary>
    /// Scores are weighted means of whole numbers; a tolerance this small lets a mean that is
    /// mathematically exactly 3 but stored as 2.9999999999999996 still reach level 3, without
    /// rounding the score itself.
    /// </summary>
    public const double ThresholdTolerance = 1e-9;

    public MaturityCategory? FindCategory(string categoryId) =>
        Categories.FirstOrDefault(c => string.Equals(c.Id, categoryId, StringComparison.Ordinal));

    /// <summary>All questions with the category they belong to, in model order.</summary>
    public IEnumerable<(MaturityCategory Category, MaturityQuestion Question)> AllQuestions() =>
        Categories.SelectMany(c => c.Questions.Select(q => (c, q)));

    /// <summary>The highest level whose threshold the score reaches (score ≥ threshold).</summary>
    public int LevelFor(double score)
    {
        var level = Levels.OrderBy(l => l.Number).First().Number;
        foreach (var candidate in Levels.OrderBy(l => l.Number))
        {
            if (score >= candidate.Threshold - ThresholdTolerance)
            {
                level = candidate.Number;
            }
        }

        return level;
    }

    public MaturityLevel Level(int number) => Levels.Single(l => l.Number == number);

    public int LowestLevel => Levels.Min(l => l.Number);

    public int HighestLevel => Levels.Max(l => l.Number);

    internal static IReadOnlyList<T> Freeze<T>(IEnumerable<T> items) => items.ToImmutableArray();
}
