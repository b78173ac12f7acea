namespace Datawijs.Domain.Maturity;

/// <summary>The scan per respondent role, with the agreement between roles per category and overall.</summary>
/// <param name="RespondentsWithoutRole">Respondents who gave no role: they count in the scan, not in any role.</param>
public sealed record RoleComparison(
    IReadOnlyList<RoleScore> Roles,
    int RespondentsWithoutRole,
    IReadOnlyList<RoleAgreement> Categories,
    RoleAgreement Overall);
