using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans.Views;

/// <summary>
/// The scan per respondent role. Respondents of one role are combined as the scan combines all of them
/// (median by default); a role of one respondent shows that respondent's scores.
/// </summary>
public sealed class RoleComparisonView
{
    /// <summary>One item per role (roles compared ignoring case and surrounding spaces), by name.</summary>
    public IReadOnlyList<RoleScoreView> Items { get; init; } = [];

    /// <summary>Respondents who gave no role; they count in the scan, not in any role.</summary>
    public int RespondentsWithoutRole { get; init; }

    /// <summary>Per category, how far the roles agree.</summary>
    public IReadOnlyList<RoleAgreementView> Categories { get; init; } = [];

    /// <summary>How far the roles' overall scores agree.</summary>
    public RoleAgreementView Overall { get; init; } = new();

    public static RoleComparisonView From(MaturityModel model, RoleComparison roles, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(roles);
        return new RoleComparisonView
        {
            Items = roles.Roles.Select(r => new RoleScoreView
            {
                Role = r.Role,
                RespondentCount = r.RespondentCount,
                Categories = r.Categories.Select(c => new RoleCategoryScoreView
                {
                    CategoryId = c.CategoryId,
                    Score = c.Score,
                    Level = c.Level,
                    LevelName = c.Level is { } l ? model.Level(l).Name.In(language) : null,
                }).ToList(),
                Overall = new OverallScoreView
                {
                    Score = r.Overall,
                    Level = r.OverallLevel,
                    LevelName = r.OverallLevel is { } level ? model.Level(level).Name.In(language) : null,
                },
            }).ToList(),
            RespondentsWithoutRole = roles.RespondentsWithoutRole,
            Categories = roles.Categories.Select(c => RoleAgreementView.From(c, language)).ToList(),
            Overall = RoleAgreementView.From(roles.Overall, language),
        };
    }
}
