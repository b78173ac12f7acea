using System.Globalization;

namespace Datawijs.Domain.Maturity;

/// <summary>
/// Scores a scan per respondent role. The pilot asked several management levels and roles; where they
/// see the organisation differently, that difference is worth a conversation.
/// </summary>
public static class RoleScores
{
    /// <summary>Roles whose scores lie this far apart (one level, in score points) or more are flagged.</summary>
    public const double DifferenceThreshold = 1.0;

    /// <summary>
    /// Groups the respondents by role (trimmed, case ignored; shown as first spelled in respondent-id order)
    /// and scores each group as <see cref="MaturityScorer.Score"/> scores a scan, with the same combination.
    /// Respondents without a role are counted, not grouped.
    /// </summary>
    public static RoleComparison Compare(MaturityModel model, IReadOnlyCollection<RespondentAnswers> responses, RespondentCombination combination = RespondentCombination.Median)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(responses);
        var options = new ScoringOptions { Combination = combination };
        var withRole = responses
            .Where(r => !string.IsNullOrWhiteSpace(r.Role))
            .OrderBy(r => r.RespondentId, StringComparer.Ordinal)
            .ToList();
        var roles = withRole
            .GroupBy(r => r.Role!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var members = g.ToList();
                var score = MaturityScorer.Score(model, members, options);
                return new RoleScore(
                    members[0].Role!.Trim(),
                    members.Count,
                    MaturityModel.Freeze(score.Categories.Select(c => new RoleCategoryScore(c.CategoryId, c.Score, c.Level))),
                    score.Overall,
                    score.OverallLevel);
            })
            .OrderBy(r => r.Role, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var categories = model.Categories.Select(c => Agreement(
            c.Id,
            roles.Select(r => (r.Role, r.Categories.Single(x => x.CategoryId == c.Id).Score)).ToList()));
        var overall = Agreement(null, roles.Select(r => (r.Role, r.Overall)).ToList());

        return new RoleComparison(MaturityModel.Freeze(roles), responses.Count - withRole.Count, MaturityModel.Freeze(categories), overall);
    }

    private static RoleAgreement Agreement(string? categoryId, IReadOnlyList<(string Role, double? Score)> byRole)
    {
        var scored = byRole.Where(r => r.Score is not null).Select(r => (r.Role, Score: r.Score!.Value)).ToList();
        if (scored.Count < 2)
        {
            return new RoleAgreement(categoryId, null, null, false, null);
        }

        var values = scored.Select(r => r.Score).ToList();
        var highest = scored.OrderByDescending(r => r.Score).First();
        var lowest = scored.OrderBy(r => r.Score).First();
        var spread = highest.Score - lowest.Score;
        var differ = spread >= DifferenceThreshold - MaturityModel.ThresholdTolerance;
        LocalizedText? note = differ
            ? new LocalizedText(
                $"De rollen zien dit anders: {highest.Role} geeft {Nl(highest.Score)}, {lowest.Role} geeft {Nl(lowest.Score)}. Dat is een niveau of meer verschil. Bespreek samen waar dat verschil vandaan komt.",
                $"The roles see this differently: {highest.Role} gives {En(highest.Score)}, {lowest.Role} gives {En(lowest.Score)}. That is a level or more apart. Talk together about where the difference comes from.")
            : null;
        return new RoleAgreement(categoryId, 1 - (Statistics.PopulationStandardDeviation(values) / 2), spread, differ, note);
    }

    private static string En(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Nl(double value) => En(value).Replace('.', ',');
}
