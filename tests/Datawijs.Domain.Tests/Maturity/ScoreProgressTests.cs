using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class ScoreProgressTests
{
    [Fact]
    public void Progress_gives_the_change_per_category_and_overall()
    {
        var earlier = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("a1", 2), ("a2", 2), ("b1", 1))]);
        var later = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("a1", 3), ("a2", 3), ("b1", 4))]);

        var progress = ScoreProgress.Between(earlier, later)!;

        var a = progress.Categories.Single(c => c.CategoryId == "a");
        Assert.Equal(1.0, a.Delta);
        Assert.Equal((2, 3), (a.EarlierLevel, a.LaterLevel));
        Assert.Equal(3.0, progress.Categories.Single(c => c.CategoryId == "b").Delta);
        Assert.Equal(later.Overall - earlier.Overall, progress.OverallDelta);
        Assert.Equal(2.5, progress.OverallDelta);
    }

    [Fact]
    public void A_decline_gives_a_negative_delta()
    {
        var earlier = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("b1", 4))]);
        var later = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("b1", 3))]);
        Assert.Equal(-1.0, ScoreProgress.Between(earlier, later)!.Categories.Single(c => c.CategoryId == "b").Delta);
    }

    [Fact]
    public void A_category_without_a_score_in_either_scan_has_no_delta()
    {
        var earlier = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("b1", 4))]);
        var later = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("a1", 3), ("b1", 5))]);
        var a = ScoreProgress.Between(earlier, later)!.Categories.Single(c => c.CategoryId == "a");
        Assert.Null(a.EarlierScore);
        Assert.Equal(3.0, a.LaterScore);
        Assert.Null(a.Delta);
    }

    [Fact]
    public void Scores_of_different_models_cannot_be_compared()
    {
        var full = MaturityScorer.Score(DefaultMaturityModels.FullV1, [new RespondentAnswers("r1", new Dictionary<string, int?> { ["lead-1"] = 3 })]);
        var quick = MaturityScorer.Score(DefaultMaturityModels.QuickV1, [new RespondentAnswers("r1", new Dictionary<string, int?> { ["lead-1"] = 4 })]);
        Assert.Null(ScoreProgress.Between(full, quick));
        Assert.NotNull(ScoreProgress.Between(quick, quick));
    }
}
