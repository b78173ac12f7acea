namespace Datawijs.Api.Features.Scans.Views;

public sealed class RoleScoreView
{
    /// <summary>The role as the respondents gave it (first spelling by respondent id).</summary>
    public string Role { get; init; } = "";

    public int RespondentCount { get; init; }

    public IReadOnlyList<RoleCategoryScoreView> Categories { get; init; } = [];

    public OverallScoreView Overall { get; init; } = new();
}
