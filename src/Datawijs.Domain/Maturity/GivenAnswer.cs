namespace Datawijs.Domain.Maturity;

/// <summary>
/// One answer as a respondent gave it, before it is checked: the question, and a value 1–5 or
/// <see cref="NotApplicable"/> true. Any part may be missing or wrong; <see cref="ScanResponse.Read"/> says which.
/// </summary>
public sealed record GivenAnswer(string? QuestionId, int? Value, bool? NotApplicable);
