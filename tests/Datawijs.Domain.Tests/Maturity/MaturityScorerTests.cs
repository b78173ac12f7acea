using Datawijs.Domain.Maturity;
using FsCheck.Fluent;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class MaturityScorerTests
{
    private static readonly MaturityModel Model = TwoCategories;

    private static ScanScore Score(params RespondentAnswers[] responses) => MaturityScorer.Score(Model, responses);

    [Fact]
    public void A_category_score_is_the_weighted_mean_of_its_questions()
    {
        // a1 has weight 1 and a2 weight 3: (1·1 + 5·3) / 4 = 4, where an unweighted mean would give 3.
        var score = Score(Respondent("r1", ("a1", 1), ("a2", 5)));
        Assert.Equal(4.0, score.Category("a")!.Score);
    }

    [Fact]
    public void Not_applicable_answers_leave_the_denominator()
    {
        var score = Score(Respondent("r1", ("a1", 2), ("a2", null)));
        var a = score.Category("a")!;
        Assert.Equal(2.0, a.Score);
        Assert.Equal(0.5, a.AnsweredShare);
    }

    [Fact]
    public void Missing_answers_count_like_not_applicable()
    {
        var missing = Score(Respondent("r1", ("a1", 2))).Category("a")!;
        var notApplicable = Score(Respondent("r1", ("a1", 2), ("a2", null))).Category("a")!;
        Assert.Equal(notApplicable, missing);
    }

    [Fact]
    public void Answered_share_counts_answers_over_all_respondents()
    {
        var score = Score(
            Respondent("r1", ("a1", 3), ("a2", null), ("b1", null)),
            Respondent("r2", ("a1", 3), ("a2", 3), ("b1", 4)));
        Assert.Equal(0.75, score.Category("a")!.AnsweredShare);
        Assert.Equal(0.5, score.Category("b")!.AnsweredShare);
    }

    [Fact]
    public void The_overall_score_is_the_weighted_mean_of_the_category_scores()
    {
        // a = 2 (weight 1), b = 4 (weight 3): (2 + 12) / 4 = 3.5; unweighted would be 3.
        var score = Score(Respondent("r1", ("a1", 2), ("a2", 2), ("b1", 4)));
        Assert.Equal(3.5, score.Overall);
        Assert.Equal(3, score.OverallLevel);
    }

    [Fact]
    public void A_category_without_any_answer_is_left_out_of_the_overall_score_and_reported()
    {
        var score = Score(
            Respondent("r1", ("a1", 2), ("a2", 2), ("b1", null)),
            Respondent("r2", ("a1", 2), ("a2", 2)));
        var b = score.Category("b")!;
        Assert.Null(b.Score);
        Assert.Null(b.Level);
        Assert.Equal(0, b.AnsweredShare);
        Assert.Equal(["b"], score.ExcludedCategoryIds);
        Assert.Equal(2.0, score.Overall);
    }

    [Fact]
    public void A_scan_without_any_answer_has_no_overall_score()
    {
        var score = Score(Respondent("r1", ("a1", null)));
        Assert.Null(score.Overall);
        Assert.Null(score.OverallLevel);
        Assert.Equal(["a", "b"], score.ExcludedCategoryIds);
    }

    [Fact]
    public void Respondents_are_combined_by_the_median_of_an_odd_count()
    {
        var score = Score(Respondent("r1", ("b1", 1)), Respondent("r2", ("b1", 2)), Respondent("r3", ("b1", 5)));
        Assert.Equal(2.0, score.Category("b")!.Score);
    }

    [Fact]
    public void Respondents_are_combined_by_the_mean_of_the_two_middle_scores_of_an_even_count()
    {
        var score = Score(Respondent("r1", ("b1", 1)), Respondent("r2", ("b1", 2)), Respondent("r3", ("b1", 3)), Respondent("r4", ("b1", 5)));
        Assert.Equal(2.5, score.Category("b")!.Score);
        Assert.Equal(RespondentCombination.Median, score.Combination);
    }

    [Fact]
    public void The_combination_of_respondents_can_be_the_mean_and_is_not_rounded()
    {
        var responses = new[] { Respondent("r1", ("b1", 1)), Respondent("r2", ("b1", 2)), Respondent("r3", ("b1", 2)) };
        var score = MaturityScorer.Score(Model, responses, new ScoringOptions { Combination = RespondentCombination.Mean });
        Assert.Equal(5.0 / 3.0, score.Category("b")!.Score);
        Assert.Equal(RespondentCombination.Mean, score.Combination);
    }

    [Fact]
    public void Respondents_are_scored_one_by_one_before_they_are_combined()
    {
        // Per respondent: 1, 5 and 3 -> median 3. Pooling all answers would give (1 + 15 + 3 + 9) / 8 = 3.5.
        var score = Score(
            Respondent("r1", ("a1", 1), ("a2", null)),
            Respondent("r2", ("a1", null), ("a2", 5)),
            Respondent("r3", ("a1", 3), ("a2", 3)));
        Assert.Equal(3.0, score.Category("a")!.Score);
        Assert.Equal(3, score.Category("a")!.RespondentCount);
    }

    [Fact]
    public void A_respondent_without_answers_in_a_category_does_not_count_in_its_median()
    {
        var score = Score(Respondent("r1", ("b1", 4)), Respondent("r2", ("b1", null)), Respondent("r3", ("b1", 5)));
        Assert.Equal(4.5, score.Category("b")!.Score);
    }

    [Theory]
    [InlineData(new[] { 3, 3, 3 }, 1.0)]
    [InlineData(new[] { 1, 5 }, 0.0)]
    [InlineData(new[] { 1, 3 }, 0.5)]
    [InlineData(new[] { 2, 2, 2, 4 }, 0.5669872981077807)]
    public void Agreement_is_one_minus_half_the_standard_deviation_of_respondent_scores(int[] answers, double expected)
    {
        var score = Score(answers.Select((a, i) => Respondent($"r{i}", ("b1", a))).ToArray());
        Assert.Equal(expected, score.Category("b")!.Agreement!.Value, 12);
    }

    [Fact]
    public void Agreement_needs_at_least_two_respondents()
    {
        var score = Score(Respondent("r1", ("b1", 4)), Respondent("r2", ("b1", null)));
        Assert.Null(score.Category("b")!.Agreement);
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(1.999, 1)]
    [InlineData(2.0, 2)]
    [InlineData(2.999999, 2)]
    [InlineData(3.0, 3)]
    [InlineData(2.9999999999999996, 3)]
    [InlineData(3.5, 3)]
    [InlineData(4.0, 4)]
    [InlineData(4.99, 4)]
    [InlineData(5.0, 5)]
    public void The_level_is_the_highest_level_whose_threshold_the_score_reaches(double score, int level)
    {
        Assert.Equal(level, Model.LevelFor(score));
    }

    [Fact]
    public void A_score_on_a_threshold_reaches_that_level()
    {
        var score = Score(Respondent("r1", ("a1", 2), ("a2", 2)), Respondent("r2", ("a1", 4), ("a2", 4)));
        Assert.Equal(3.0, score.Category("a")!.Score);
        Assert.Equal(3, score.Category("a")!.Level);
    }

    [Fact]
    public void A_target_gives_the_gap_between_target_and_score()
    {
        var options = new ScoringOptions { Targets = new Dictionary<string, int> { ["a"] = 4 } };
        var score = MaturityScorer.Score(Model, [Respondent("r1", ("a1", 1), ("a2", 3), ("b1", 2))], options);
        var a = score.Category("a")!;
        Assert.Equal(4, a.Target);
        Assert.Equal(1.5, a.Gap);
        Assert.Null(score.Category("b")!.Target);
        Assert.Null(score.Category("b")!.Gap);
    }

    [Fact]
    public void A_category_above_its_target_has_a_gap_of_zero()
    {
        var options = new ScoringOptions { Targets = new Dictionary<string, int> { ["b"] = 2 } };
        var score = MaturityScorer.Score(Model, [Respondent("r1", ("b1", 4))], options);
        Assert.Equal(0.0, score.Category("b")!.Gap);
    }

    [Fact]
    public void Validation_lists_every_problem_at_once()
    {
        var options = new ScoringOptions { Targets = new Dictionary<string, int> { ["zz"] = 3, ["a"] = 6 } };
        var problems = MaturityScorer.Validate(
            Model,
            [Respondent("r1", ("a1", 0), ("x9", 3)), Respondent("r1", ("a1", 6))],
            options);
        Assert.Equal(
            ["answer-out-of-range", "unknown-question", "duplicate-respondent", "answer-out-of-range", "unknown-category", "target-out-of-range"],
            problems.Select(p => p.Code));
    }

    [Fact]
    public void An_unknown_category_or_question_names_the_ones_the_model_has()
    {
        var options = new ScoringOptions { Targets = new Dictionary<string, int> { ["zz"] = 3 } };
        var problems = MaturityScorer.Validate(Model, [Respondent("r1", ("x9", 3))], options);
        Assert.EndsWith("Its categories: a, b.", Assert.Single(problems, p => p.Code == "unknown-category").Reason, StringComparison.Ordinal);
        Assert.EndsWith("Its questions: a1, a2, b1.", Assert.Single(problems, p => p.Code == "unknown-question").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_problem_is_named_dotted_like_any_nested_field()
    {
        var options = new ScoringOptions { Targets = new Dictionary<string, int> { ["zz"] = 3, ["a"] = 6 } };
        var problems = MaturityScorer.Validate(Model, [], options);
        Assert.Equal(["targets.zz", "targets.a"], problems.Select(p => p.Name));
    }

    [Fact]
    public void Valid_answers_have_no_problems()
    {
        Assert.Empty(MaturityScorer.Validate(Model, [Respondent("r1", ("a1", 1), ("a2", 5), ("b1", null))]));
    }

    [Fact]
    public void Scoring_invalid_answers_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => Score(Respondent("r1", ("a1", 7))));
    }

    [Fact]
    public void The_default_model_scores_a_complete_scan()
    {
        var model = DefaultMaturityModels.FullV1;
        var answers = model.AllQuestions().ToDictionary(x => x.Question.Id, x => (int?)(x.Category.Id == "technology" ? 5 : 2));
        var score = MaturityScorer.Score(model, [new RespondentAnswers("r1", answers)]);
        Assert.Equal(model.Id, score.ModelId);
        Assert.Equal(5.0, score.Category("technology")!.Score);
        Assert.Equal((2.0 * 6 + 5) / 7, score.Overall!.Value, 12);
        Assert.Empty(score.ExcludedCategoryIds);
    }

    [Fact]
    public void Scores_stay_within_one_and_five_and_agreement_within_zero_and_one()
    {
        var answer = Gen.Frequency((1, Gen.Constant<int?>(null)), (5, Gen.Choose(1, 5).Select(a => (int?)a)));
        var respondent = answer.ArrayOf(3);
        var responses = Gen.NonEmptyListOf(respondent).ToArbitrary();

        Prop.ForAll(responses, rs =>
        {
            var score = Score(rs.Select((r, i) => Respondent($"r{i}", ("a1", r[0]), ("a2", r[1]), ("b1", r[2]))).ToArray());
            return score.Categories.All(c =>
                c.Score is null or (>= 1 and <= 5)
                && c.Agreement is null or (>= 0 and <= 1)
                && c.AnsweredShare is >= 0 and <= 1)
                && score.Overall is null or (>= 1 and <= 5);
        }).CheckSeeded();
    }
}
