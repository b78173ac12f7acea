namespace Datawijs.Api.Features.Scans.Views;

public sealed class RoleCategoryScoreView
{
    public string CategoryId { get; init; } = "";

    /// <summary>The role's combined score 1.0–5.0; null when none of its respondents answered the category.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }
}
