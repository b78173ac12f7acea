namespace Datawijs.Domain.Maturity;

/// <summary>
/// The score of one category. All numbers are unrounded.
/// </summary>
/// <param name="Score">Combined respondent score (1.0–5.0); <c>null</c> when nobody answered any question of the category.</param>
/// <param name="Level">The level the score reaches; <c>null</c> without a score.</param>
/// <param name="AnsweredShare">Answers 1–5 divided by (questions × respondents), in [0, 1].</param>
/// <param name="Agreement">
/// 1 − σ / 2, where σ is the population standard deviation of the respondents' category scores.
/// Scores lie in [1, 5], so σ is at most 2 and agreement lies in [0, 1]: 1 when all respondents
/// agree, 0 when half answered 1 and half 5. <c>null</c> when fewer than two respondents have a score.
/// </param>
/// <param name="RespondentCount">Respondents with a score in this category.</param>
/// <param name="Target">The target level, when one was set.</param>
/// <param name="Gap">
/// Target − score, never below 0: how far the category still is from its target (0 = reached).
/// <c>null</c> without a target or without a score.
/// </param>
public sealed record CategoryScore(
    string CategoryId,
    double? Score,
    int? Level,
    double AnsweredShare,
    double? Agreement,
    int RespondentCount,
    int? Target,
    double? Gap);
