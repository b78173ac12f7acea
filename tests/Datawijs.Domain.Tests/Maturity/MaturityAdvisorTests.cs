using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class MaturityAdvisorTests
{
    /// <summary>Four one-question categories; c2 weighs twice as much as the others.</summary>
    private static readonly MaturityModel Model = TwoCategories with
    {
        Id = "advice-v1",
        Categories = [Category("c1", 1, Question("q1")), Category("c2", 2, Question("q2")), Category("c3", 1, Question("q3")), Category("c4", 1, Question("q4"))],
    };

    private static ScanScore Score(int? q1, int? q2, int? q3, int? q4, Dictionary<string, int>? targets = null) =>
        MaturityScorer.Score(
            Model,
            [Respondent("r1", ("q1", q1), ("q2", q2), ("q3", q3), ("q4", q4))],
            new ScoringOptions { Targets = targets ?? [] });

    private static string[] Order(IReadOnlyList<Recommendation> recommendations) => recommendations.Select(r => r.CategoryId).ToArray();

    [Fact]
    public void Gaps_to_target_come_first_largest_first()
    {
        var score = Score(2, 3, 1, 2, new Dictionary<string, int> { ["c1"] = 3, ["c3"] = 4 });
        var recommendations = MaturityAdvisor.Recommend(Model, score);
        Assert.Equal(["c3", "c1", "c2", "c4"], Order(recommendations));
        Assert.Equal([1, 2, 3, 4], recommendations.Select(r => r.Rank));
        Assert.Equal(RecommendationReason.TargetGap, recommendations[0].Reason);
        Assert.Equal("target-gap", recommendations[0].ReasonCode);
        Assert.Equal(3.0, recommendations[0].Gap);
    }

    [Fact]
    public void Without_a_gap_the_distance_below_the_peer_median_decides_largest_first()
    {
        var score = Score(3, 3, 3, 3);
        var medians = new Dictionary<string, double> { ["c1"] = 3.5, ["c3"] = 4.5, ["c4"] = 2 };
        var recommendations = MaturityAdvisor.Recommend(Model, score, medians);
        Assert.Equal(["c3", "c1", "c2", "c4"], Order(recommendations));
        Assert.Equal(RecommendationReason.BelowPeerMedian, recommendations[0].Reason);
        Assert.Equal(1.5, recommendations[0].BelowPeerMedian);
        Assert.Equal(RecommendationReason.GainPerEffort, recommendations[3].Reason);
        Assert.Equal(-1.0, recommendations[3].BelowPeerMedian);
    }

    [Fact]
    public void A_target_gap_outranks_any_distance_below_the_peer_median()
    {
        var score = Score(3, 3, 1, 3, new Dictionary<string, int> { ["c1"] = 4 });
        var recommendations = MaturityAdvisor.Recommend(Model, score, new Dictionary<string, double> { ["c3"] = 5 });
        Assert.Equal(["c1", "c3", "c2", "c4"], Order(recommendations));
    }

    [Fact]
    public void Without_gap_or_peer_difference_heavier_categories_come_first()
    {
        var recommendations = MaturityAdvisor.Recommend(Model, Score(2, 2, 2, 2));
        Assert.Equal(["c2", "c1", "c3", "c4"], Order(recommendations));
        Assert.All(recommendations, r => Assert.Equal(RecommendationReason.GainPerEffort, r.Reason));
    }

    [Fact]
    public void Between_equal_weights_the_lower_score_comes_first()
    {
        Assert.Equal(["c2", "c4", "c3", "c1"], Order(MaturityAdvisor.Recommend(Model, Score(4, 4, 3, 1))));
    }

    [Fact]
    public void The_advice_is_the_one_for_the_current_level_and_leads_to_the_next()
    {
        var recommendation = MaturityAdvisor.Recommend(Model, Score(2, null, null, null)).Single();
        Assert.Equal(2, recommendation.Level);
        Assert.Equal(3, recommendation.NextLevel);
        Assert.Equal("c1-l2", recommendation.AdviceId);
        Assert.Equal(Model.Categories[0].AdviceAt(2).Text, recommendation.Advice);
    }

    [Fact]
    public void A_category_at_level_five_gets_a_keep_it_up_item_at_the_end()
    {
        var recommendations = MaturityAdvisor.Recommend(Model, Score(5, 1, 4, 4), new Dictionary<string, double> { ["c1"] = 5 });
        Assert.Equal("c1", recommendations[^1].CategoryId);
        Assert.Equal(RecommendationReason.KeepItUp, recommendations[^1].Reason);
        Assert.Null(recommendations[^1].NextLevel);
        Assert.Equal("c1-l5", recommendations[^1].AdviceId);
        Assert.All(recommendations.SkipLast(1), r => Assert.NotNull(r.NextLevel));
    }

    [Fact]
    public void A_category_without_answers_gets_no_recommendation()
    {
        Assert.Equal(["c2", "c1"], Order(MaturityAdvisor.Recommend(Model, Score(3, 3, null, null))));
    }

    [Fact]
    public void Every_recommendation_explains_why_in_Dutch_and_English()
    {
        var score = Score(2, 3, 3, 3, new Dictionary<string, int> { ["c1"] = 4 });
        var recommendations = MaturityAdvisor.Recommend(Model, score, new Dictionary<string, double> { ["c3"] = 3.5 });

        Assert.Equal("Uw doel is niveau 4. De score 2,0 ligt daar 2,0 onder.", recommendations[0].Explanation.Nl);
        Assert.Equal("Your target is level 4. The score 2.0 is 2.0 below it.", recommendations[0].Explanation.En);
        Assert.Contains("mediaan van vergelijkbare organisaties (3,5)", recommendations[1].Explanation.Nl, StringComparison.Ordinal);
        Assert.Contains("median of comparable organisations (3.5)", recommendations[1].Explanation.En, StringComparison.Ordinal);
        Assert.All(recommendations, r =>
        {
            Assert.NotEmpty(r.Explanation.Nl);
            Assert.NotEmpty(r.Explanation.En);
        });
    }

    [Fact]
    public void A_score_of_another_model_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => MaturityAdvisor.Recommend(DefaultMaturityModels.FullV1, Score(1, 1, 1, 1)));
    }

    [Fact]
    public void An_organisation_starting_out_is_advised_to_write_a_data_strategy()
    {
        var model = DefaultMaturityModels.QuickV1;
        var answers = model.AllQuestions().ToDictionary(x => x.Question.Id, x => (int?)(x.Category.Id == "leadership-strategy" ? 1 : 3));
        var score = MaturityScorer.Score(model, [new RespondentAnswers("r1", answers)]);
        var first = MaturityAdvisor.Recommend(model, score)[0];
        Assert.Equal("leadership-strategy", first.CategoryId);
        Assert.Contains("datastrategie", first.Advice.Nl, StringComparison.Ordinal);
    }

    /// <summary>c1 and c2 alike (weight 1, one question); c1's step is large work, c2's small.</summary>
    private static MaturityModel EffortModel(AdviceEffort c1Effort, AdviceEffort c2Effort) => TwoCategories with
    {
        Id = "effort-v1",
        Categories =
        [
            Category("c1", 1, Question("q1")) is var c1 ? c1 with { Advice = c1.Advice.Select(a => a with { Effort = c1Effort }).ToList() } : null!,
            Category("c2", 1, Question("q2")) is var c2 ? c2 with { Advice = c2.Advice.Select(a => a with { Effort = c2Effort }).ToList() } : null!,
        ],
    };

    [Fact]
    public void A_step_of_less_effort_comes_first_when_the_gain_is_the_same()
    {
        var model = EffortModel(AdviceEffort.Large, AdviceEffort.Small);
        var score = MaturityScorer.Score(model, [Respondent("r1", ("q1", 2), ("q2", 2))]);
        var recommendations = MaturityAdvisor.Recommend(model, score);
        Assert.Equal(["c2", "c1"], Order(recommendations));
        Assert.Equal(AdviceEffort.Small, recommendations[0].Effort);
        Assert.Equal(RecommendationReason.GainPerEffort, recommendations[0].Reason);
        Assert.Equal("gain-per-effort", recommendations[0].ReasonCode);
    }

    [Fact]
    public void A_larger_gain_can_outweigh_more_effort()
    {
        var model = EffortModel(AdviceEffort.Medium, AdviceEffort.Small);
        var score = MaturityScorer.Score(model, [Respondent("r1", ("q1", 1), ("q2", 2)), Respondent("r2", ("q1", 1), ("q2", 3))]);
        // c1 = 1.0: gain 1.0 to level 2, 0.5 overall (weight 1 of 2), medium work: 0.25 per effort point.
        // c2 = 2.5: gain 0.5 to level 3, 0.25 overall, small work: 0.25 per point. A tie, broken by the lower score.
        var tied = MaturityAdvisor.Recommend(model, score);
        Assert.Equal(tied[0].GainPerEffortPoint, tied[1].GainPerEffortPoint, 12);
        Assert.Equal(["c1", "c2"], Order(tied));

        var cheap = EffortModel(AdviceEffort.Small, AdviceEffort.Small);
        var recommendations = MaturityAdvisor.Recommend(cheap, MaturityScorer.Score(cheap, [Respondent("r1", ("q1", 2), ("q2", 3)), Respondent("r2", ("q1", 2), ("q2", 4))]));
        // c1 = 2 (gain 1.0), c2 = 3.5 (gain 0.5): the larger gain first at equal effort.
        Assert.Equal(["c1", "c2"], Order(recommendations));
        Assert.Equal(1.0, recommendations[0].CategoryGain, 12);
        Assert.Equal(0.5, recommendations[0].ExpectedGain, 12);
        Assert.Equal(0.5, recommendations[1].CategoryGain, 12);
        Assert.Equal(0.25, recommendations[1].ExpectedGain, 12);
    }

    [Fact]
    public void The_expected_gain_is_the_rise_of_the_overall_score_when_the_category_reaches_the_next_level()
    {
        // Model with c2 weighing 2 of 5: c2 at 2.0 reaching 3.0 raises the overall by 1.0 × 2 / 5.
        var recommendations = MaturityAdvisor.Recommend(Model, Score(2, 2, 2, 2));
        var c2 = recommendations.Single(r => r.CategoryId == "c2");
        Assert.Equal(1.0, c2.CategoryGain, 12);
        Assert.Equal(0.4, c2.ExpectedGain, 12);
        Assert.Contains("0,40", c2.Explanation.Nl, StringComparison.Ordinal);
        Assert.Contains("0.40", c2.Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_gap_still_outranks_a_cheaper_step_elsewhere()
    {
        var model = EffortModel(AdviceEffort.Large, AdviceEffort.Small);
        var score = MaturityScorer.Score(model, [Respondent("r1", ("q1", 3), ("q2", 1))], new ScoringOptions { Targets = new Dictionary<string, int> { ["c1"] = 4 } });
        var recommendations = MaturityAdvisor.Recommend(model, score);
        Assert.Equal(["c1", "c2"], Order(recommendations));
        Assert.Equal(AdviceEffort.Large, recommendations[0].Effort);
    }

    [Fact]
    public void Keep_it_up_items_have_no_gain()
    {
        var keep = MaturityAdvisor.Recommend(Model, Score(5, 1, 1, 1))[^1];
        Assert.Equal(RecommendationReason.KeepItUp, keep.Reason);
        Assert.Equal(0, keep.ExpectedGain);
        Assert.Equal(0, keep.CategoryGain);
    }

    [Fact]
    public void In_version_two_a_category_at_four_and_a_half_is_at_the_top_level()
    {
        var model = DefaultMaturityModels.QuickV2;
        var answers = model.AllQuestions().ToDictionary(x => x.Question.Id, x => (int?)4);
        var other = model.AllQuestions().ToDictionary(x => x.Question.Id, x => (int?)5);
        var score = MaturityScorer.Score(model, [new RespondentAnswers("r1", answers), new RespondentAnswers("r2", other)]);
        Assert.All(score.Categories, c => Assert.Equal(5, c.Level));
        Assert.All(MaturityAdvisor.Recommend(model, score), r => Assert.Equal(RecommendationReason.KeepItUp, r.Reason));
    }
}
