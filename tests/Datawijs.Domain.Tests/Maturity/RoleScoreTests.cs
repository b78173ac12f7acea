using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class RoleScoreTests
{
    private static RespondentAnswers R(string id, string? role, int? a1, int? a2, int? b1) =>
        Respondent(id, ("a1", a1), ("a2", a2), ("b1", b1)) with { Role = role };

    [Fact]
    public void Each_role_is_scored_like_a_scan_of_its_own_respondents()
    {
        var comparison = RoleScores.Compare(TwoCategories,
        [
            R("r1", "bestuurder", 4, 4, 5),
            R("r2", "medewerker", 2, 2, 2),
            R("r3", "medewerker", 3, 3, 4),
            R("r4", "medewerker", 1, 1, 3),
        ]);

        Assert.Equal(["bestuurder", "medewerker"], comparison.Roles.Select(r => r.Role));
        var staff = comparison.Roles[1];
        Assert.Equal(3, staff.RespondentCount);
        // Category a: respondents 2, 3, 1 → median 2; b: 2, 4, 3 → 3; overall (2·1 + 3·3) / 4 = 2.75.
        Assert.Equal(2.0, staff.Categories.Single(c => c.CategoryId == "a").Score);
        Assert.Equal(3.0, staff.Categories.Single(c => c.CategoryId == "b").Score);
        Assert.Equal(2.75, staff.Overall);
        Assert.Equal(2, staff.OverallLevel);
        Assert.Equal(4.0, comparison.Roles[0].Categories.Single(c => c.CategoryId == "a").Score);
    }

    [Fact]
    public void Agreement_between_roles_is_one_minus_half_the_spread_of_their_scores()
    {
        var comparison = RoleScores.Compare(TwoCategories, [R("r1", "bestuurder", 4, 4, 3), R("r2", "medewerker", 2, 2, 3)]);
        var a = comparison.Categories.Single(c => c.CategoryId == "a");
        // Role scores 4 and 2: σ = 1, agreement 0.5, spread 2.
        Assert.Equal(0.5, a.Agreement!.Value, 12);
        Assert.Equal(2.0, a.Spread);
        Assert.True(a.RolesDiffer);
        var b = comparison.Categories.Single(c => c.CategoryId == "b");
        Assert.Equal(1.0, b.Agreement);
        Assert.False(b.RolesDiffer);
        Assert.Null(b.Note);
    }

    [Fact]
    public void Roles_a_level_or_more_apart_get_a_note_naming_both_in_plain_words()
    {
        var comparison = RoleScores.Compare(TwoCategories, [R("r1", "bestuurder", 4, 4, 3), R("r2", "medewerker", 3, 3, 3)]);
        var a = comparison.Categories.Single(c => c.CategoryId == "a");
        Assert.True(a.RolesDiffer);
        Assert.Equal(
            "De rollen zien dit anders: bestuurder geeft 4,0, medewerker geeft 3,0. Dat is een niveau of meer verschil. Bespreek samen waar dat verschil vandaan komt.",
            a.Note!.Nl);
        Assert.Contains("bestuurder gives 4.0, medewerker gives 3.0", a.Note.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_less_than_a_level_apart_get_no_note()
    {
        var comparison = RoleScores.Compare(TwoCategories,
            [R("r1", "bestuurder", 4, 4, 3), R("r2", "medewerker", 3, 3, 3), R("r3", "medewerker", 4, 4, 3)]);
        // Staff: median of 3 and 4 = 3.5; spread 0.5.
        var a = comparison.Categories.Single(c => c.CategoryId == "a");
        Assert.Equal(0.5, a.Spread);
        Assert.False(a.RolesDiffer);
        Assert.Null(a.Note);
    }

    [Fact]
    public void Roles_are_grouped_ignoring_case_and_spaces_and_respondents_without_a_role_are_only_counted()
    {
        var comparison = RoleScores.Compare(TwoCategories,
            [R("r2", " Medewerker", 2, 2, 2), R("r1", "medewerker ", 4, 4, 4), R("r3", null, 1, 1, 1), R("r4", "  ", 1, 1, 1)]);
        var role = Assert.Single(comparison.Roles);
        Assert.Equal("medewerker", role.Role);
        Assert.Equal(2, role.RespondentCount);
        Assert.Equal(2, comparison.RespondentsWithoutRole);
        // One role: nothing to compare.
        Assert.All(comparison.Categories, c => Assert.Null(c.Agreement));
        Assert.Null(comparison.Overall.Agreement);
    }

    [Fact]
    public void A_category_one_role_left_unanswered_is_compared_over_the_roles_that_answered()
    {
        var comparison = RoleScores.Compare(TwoCategories,
            [R("r1", "bestuurder", null, null, 4), R("r2", "medewerker", 2, 2, 4), R("r3", "beleid", 4, 4, 4)]);
        var a = comparison.Categories.Single(c => c.CategoryId == "a");
        Assert.Equal(2.0, a.Spread);
        Assert.Null(comparison.Roles.Single(r => r.Role == "bestuurder").Categories.Single(c => c.CategoryId == "a").Score);
    }

    [Fact]
    public void The_overall_comparison_uses_each_roles_overall_score()
    {
        var comparison = RoleScores.Compare(TwoCategories, [R("r1", "bestuurder", 5, 5, 5), R("r2", "medewerker", 2, 2, 3)]);
        // Overall: 5 and (2 + 3·3)/4 = 2.75 → spread 2.25.
        Assert.Equal(2.25, comparison.Overall.Spread!.Value, 12);
        Assert.True(comparison.Overall.RolesDiffer);
        Assert.Null(comparison.Overall.CategoryId);
    }
}
