namespace Datawijs.Domain.Maturity;

/// <summary>
/// One respondent's answers: question id -> answer 1–5, or <c>null</c> for "not applicable".
/// A question that is missing from the dictionary counts as not answered, exactly like "not applicable".
/// <see cref="Role"/> is the respondent's role as given (e.g. "bestuurder"), used only to compare roles.
/// </summary>
public sealed record RespondentAnswers(string RespondentId, IReadOnlyDictionary<string, int?> Answers, string? Role = null);
