using Datawijs.Domain.Maturity;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class ScanResponseTests
{
    private static readonly MaturityModel Model = TestModels.TwoCategories;

    private static ScanResponse Read(params GivenAnswer?[] answers) => ScanResponse.Read(Model, answers);

    private static GivenAnswer A(string? questionId, int? value, bool? notApplicable) => new(questionId, value, notApplicable);

    [Fact]
    public void Valid_answers_are_kept_by_question_and_not_applicable_reads_as_null()
    {
        var response = Read(A("a1", 3, null), A("a2", null, true), A("b1", 5, false));

        Assert.True(response.IsValid);
        Assert.Equal(3, response.Answers["a1"]);
        Assert.Null(response.Answers["a2"]);
        Assert.True(response.Answers.ContainsKey("a2"));
        Assert.Equal(5, response.Answers["b1"]);
    }

    [Fact]
    public void A_question_the_model_does_not_have_is_refused()
    {
        var problem = Assert.Single(Read(A("zz-9", 3, null)).Problems);

        Assert.Equal(new ScoringProblem("answers[0].questionId", "unknown-question", "Model 'test-v1' has no question 'zz-9'."), problem);
    }

    [Fact]
    public void A_question_answered_twice_is_refused_even_after_an_invalid_first_answer()
    {
        var response = Read(A("a1", 9, null), A("a1", 3, null));

        Assert.Equal([("answers[0].value", "range"), ("answers[1].questionId", "duplicate-question")], response.Problems.Select(p => (p.Name, p.Code)));
        Assert.Equal("Question 'a1' is answered more than once.", response.Problems[1].Reason);
        Assert.Empty(response.Answers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_value_outside_one_to_five_is_refused(int value)
    {
        var problem = Assert.Single(Read(A("a1", value, null)).Problems);

        Assert.Equal(new ScoringProblem("answers[0].value", "range", "'value' must be from 1 to 5."), problem);
    }

    [Fact]
    public void A_value_and_not_applicable_together_are_refused()
    {
        var problem = Assert.Single(Read(A("a1", 3, true)).Problems);

        Assert.Equal(new ScoringProblem("answers[0]", "value-and-not-applicable", "Give a value or notApplicable true, not both."), problem);
    }

    [Fact]
    public void Neither_a_value_nor_not_applicable_is_refused()
    {
        var problem = Assert.Single(Read(A("a1", null, false)).Problems);

        Assert.Equal(new ScoringProblem("answers[0].value", "required", "Give a value 1 to 5, or notApplicable true."), problem);
    }

    [Fact]
    public void A_missing_answer_or_question_id_is_refused()
    {
        var response = Read(null, A(null, 3, null), A("", 3, null));

        Assert.Equal(
            [("answers[0]", "required"), ("answers[1].questionId", "required"), ("answers[2].questionId", "required")],
            response.Problems.Select(p => (p.Name, p.Code)));
        Assert.Equal("An answer is an object with questionId and value or notApplicable.", response.Problems[0].Reason);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var response = Read(A("a1", 3, null), A("zz", 7, null), A("b1", 2, true));

        Assert.False(response.IsValid);
        Assert.Equal(["answers[1].questionId", "answers[1].value", "answers[2]"], response.Problems.Select(p => p.Name));
    }
}
