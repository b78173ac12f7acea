namespace Datawijs.Domain.Maturity;

/// <summary>
/// How the roles compare in one category (or overall when <see cref="CategoryId"/> is null).
/// </summary>
/// <param name="Agreement">1 − σ/2 over the role scores, as between respondents; null with fewer than two roles that scored it.</param>
/// <param name="Spread">Highest role score − lowest; null with fewer than two roles.</param>
/// <param name="RolesDiffer">True when the spread is a full level (1.0) or more.</param>
/// <param name="Note">When the roles differ: which role scored highest and which lowest, and what to do about it.</param>
public sealed record RoleAgreement(string? CategoryId, double? Agreement, double? Spread, bool RolesDiffer, LocalizedText? Note);
