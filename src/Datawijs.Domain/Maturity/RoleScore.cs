namespace Datawijs.Domain.Maturity;

/// <summary>The scan as the respondents of one role scored it, combined the same way as the whole scan.</summary>
public sealed record RoleScore(string Role, int RespondentCount, IReadOnlyList<RoleCategoryScore> Categories, double? Overall, int? OverallLevel);
