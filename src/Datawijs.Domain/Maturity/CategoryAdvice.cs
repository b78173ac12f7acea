namespace Datawijs.Domain.Maturity;

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
