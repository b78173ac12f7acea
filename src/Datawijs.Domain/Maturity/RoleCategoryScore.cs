namespace Datawijs.Domain.Maturity;

/// <summary>One category as the respondents of one role scored it; all numbers unrounded.</summary>
public sealed record RoleCategoryScore(string CategoryId, double? Score, int? Level);
