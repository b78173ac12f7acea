using Datawijs.Domain.Assignments;
using Datawijs.Domain.Objections;

namespace Datawijs.Domain.Tests.Assignments;

public sealed class AssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor CaseWorker = new("zaaksysteem", "u-17", "A. de Vries");
    private static readonly SubjectRestriction None = new(HasOpen: false, HasUpheld: false);
    private static readonly SubjectRestriction Open = new(HasOpen: true, HasUpheld: false);
    private static readonly SubjectRestriction Upheld = new(HasOpen: false, HasUpheld: true);

    private static Assignment Fresh() => new(Guid.CreateVersion7(Now), "pseudonym-1", Decision: null, WithdrawnAt: null);

    private static Assignment Decided() =>
        Fresh() with { Decision = new AssignmentDecision(DecisionOutcomes.Follows, "Past bij de situatie.", Now, "zaaksysteem", "u-17", "A. de Vries") };

    [Fact]
    public void A_new_assignment_without_objections_is_advice() =>
        Assert.Equal(AssignmentStatus.Advice, Fresh().StatusWith(None));

    [Fact]
    public void An_assignment_with_a_decision_is_decided() =>
        Assert.Equal(AssignmentStatus.Decided, Decided().StatusWith(None));

    [Fact]
    public void An_open_objection_makes_the_assignment_contested_even_when_decided()
    {
        Assert.Equal(AssignmentStatus.Contested, Fresh().StatusWith(Open));
        Assert.Equal(AssignmentStatus.Contested, Decided().StatusWith(Open));
    }

    [Fact]
    public void An_upheld_objection_withdraws_the_advice_and_outweighs_an_open_one()
    {
        Assert.Equal(AssignmentStatus.Withdrawn, Fresh().StatusWith(Upheld));
        Assert.Equal(AssignmentStatus.Withdrawn, Decided().StatusWith(new SubjectRestriction(HasOpen: true, HasUpheld: true)));
    }

    [Fact]
    public void A_withdrawn_assignment_stays_withdrawn_after_its_objection_no_longer_restricts() =>
        Assert.Equal(AssignmentStatus.Withdrawn, (Decided() with { WithdrawnAt = Now }).StatusWith(None));

    [Theory]
    [InlineData(AssignmentStatus.Advice, true)]
    [InlineData(AssignmentStatus.Decided, true)]
    [InlineData(AssignmentStatus.Contested, false)]
    [InlineData(AssignmentStatus.Withdrawn, false)]
    public void The_advice_is_shown_only_while_the_assignment_is_in_use(AssignmentStatus status, bool shown) =>
        Assert.Equal(shown, Assignment.ShowsAdvice(status));

    [Fact]
    public void New_advice_is_refused_while_an_objection_is_open_or_after_one_was_upheld()
    {
        Assert.Null(Assignment.RefusesNewAdvice(None));
        Assert.Equal(AdviceRefusal.ObjectionOpen, Assignment.RefusesNewAdvice(Open));
        Assert.Equal(AdviceRefusal.ObjectionUpheld, Assignment.RefusesNewAdvice(Upheld));
        Assert.Equal(AdviceRefusal.ObjectionOpen, Assignment.RefusesNewAdvice(new SubjectRestriction(HasOpen: true, HasUpheld: true)));
    }

    [Fact]
    public void A_person_decides_with_trimmed_reasoning_and_the_decision_names_them()
    {
        var result = Fresh().Decide(None, CaseWorker, DecisionOutcomes.Deviates, "  Werkt sinds kort 20 uur.  ", Now);

        Assert.Null(result.Refusal);
        Assert.Equal(
            new AssignmentDecision(DecisionOutcomes.Deviates, "Werkt sinds kort 20 uur.", Now, "zaaksysteem", "u-17", "A. de Vries"),
            result.Decision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Only_a_person_decides_an_application_alone_does_not(string? userId)
    {
        var application = new Actor("zaaksysteem", userId, "A. de Vries");

        Assert.Equal(DecisionRefusal.PersonRequired, Assignment.RefusesDecider(application));
        Assert.Equal(DecisionRefusal.PersonRequired, Fresh().Decide(None, application, DecisionOutcomes.Follows, "Reden", Now).Refusal);
        Assert.Null(Assignment.RefusesDecider(CaseWorker));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_decision_without_reasoning_is_refused(string reasoning) =>
        Assert.Equal(DecisionRefusal.ReasoningRequired, Fresh().Decide(None, CaseWorker, DecisionOutcomes.Follows, reasoning, Now).Refusal);

    [Fact]
    public void A_decision_follows_or_deviates_and_nothing_else() =>
        Assert.Equal(DecisionRefusal.UnknownOutcome, Fresh().Decide(None, CaseWorker, "maybe", "Reden", Now).Refusal);

    [Fact]
    public void A_decision_is_recorded_once() =>
        Assert.Equal(DecisionRefusal.AlreadyDecided, Decided().Decide(None, CaseWorker, DecisionOutcomes.Deviates, "Toch anders", Now).Refusal);

    [Fact]
    public void No_decision_while_the_subjects_objection_is_open() =>
        Assert.Equal(DecisionRefusal.Contested, Fresh().Decide(Open, CaseWorker, DecisionOutcomes.Follows, "Reden", Now).Refusal);

    [Fact]
    public void No_decision_on_withdrawn_advice()
    {
        Assert.Equal(DecisionRefusal.Withdrawn, Fresh().Decide(Upheld, CaseWorker, DecisionOutcomes.Follows, "Reden", Now).Refusal);
        Assert.Equal(DecisionRefusal.Withdrawn, (Fresh() with { WithdrawnAt = Now }).Decide(None, CaseWorker, DecisionOutcomes.Follows, "Reden", Now).Refusal);
    }
}
