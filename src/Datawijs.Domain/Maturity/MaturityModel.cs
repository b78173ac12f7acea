using System.Collections.Immutable;

namespace Datawijs.Domain.Maturity;

/// <summary>The full questionnaire or the quick one (one question per category).</summary>
public enum ModelVariant
{
    Full,
    Quick,
}

/// <summary>
/// One of the five maturity levels. A score reaches the level when it is at least the threshold.
/// </summary>
public sealed record MaturityLevel(int Number, string Id, LocalizedText Name, LocalizedText Description, double Threshold);

/// <summary>
/// A question answered on the scale 1–5 (or "not applicable"). <see cref="LevelDescriptors"/> holds
/// five texts, index 0 for answer 1, so a respondent knows what each answer means.
/// </summary>
public sealed record MaturityQuestion(string Id, LocalizedText Text, double Weight, IReadOnlyList<LocalizedText> LevelDescriptors);

/// <summary>How much work a step of advice takes, as the model judges it.</summary>
public enum AdviceEffort
{
    /// <summary>A few weeks of work for people already in place.</summary>
    Small = 1,

    /// <summary>A project of some months, with time set aside for it.</summary>
    Medium = 2,

    /// <summary>A programme of a year or more, with budget and new people or systems.</summary>
    Large = 3,
}

/// <summary>
/// Advice for a category that stands at <see cref="Level"/>: how to reach the next level, and how
/// much work that step takes (<see cref="Effort"/>). The advice at level 5 is a "keep it up" text,
/// because there is no next level.
/// </summary>
public sealed record CategoryAdvice(int Level, string Id, LocalizedText Text, AdviceEffort Effort = AdviceEffort.Medium)
{
    /// <summary>The effort as the model and the API name it: small, medium or large.</summary>
    public static string EffortId(AdviceEffort effort) => effort switch
    {
        AdviceEffort.Small => "small",
        AdviceEffort.Medium => "medium",
        _ => "large",
    };

    /// <summary>Reads small, medium or large; null for anything else.</summary>
    public static AdviceEffort? ParseEffort(string? id) => id switch
    {
        "small" => AdviceEffort.Small,
        "medium" => AdviceEffort.Medium,
        "large" => AdviceEffort.Large,
        _ => null,
    };
}

/// <summary>A category of the model, with its questions and one piece of advice per level.</summary>
public sealed record MaturityCategory(
    string Id,
    LocalizedText Name,
    double Weight,
    IReadOnlyList<MaturityQuestion> Questions,
    IReadOnlyList<CategoryAdvice> Advice)
{
    /// <summary>The advice for a category at <paramref name="level"/> (1–5).</summary>
    public CategoryAdvice AdviceAt(int level) => Advice.Single(a => a.Level == level);
}

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
