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
        Assert.Equal(RecommendationReason.CategoryWeight, recommendations[3].Reason);
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
        Assert.All(recommendations, r => Assert.Equal(RecommendationReason.CategoryWeight, r.Reason));
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
}
