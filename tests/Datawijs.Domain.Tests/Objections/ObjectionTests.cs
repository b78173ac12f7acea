using Datawijs.Domain.Assignments;
using Datawijs.Domain.Objections;

namespace Datawijs.Domain.Tests.Objections;

public sealed class ObjectionTests
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Filed.AddDays(2);
    private static readonly Guid AssignmentId = Guid.Parse("0193b0c0-0000-7000-8000-0000000000a1");
    private static readonly Actor Reviewer = new("zaaksysteem", "u-17", "A. de Vries");

    private static Objection FileNotMe(Guid? assignmentId = null) =>
        Objection.File(Guid.CreateVersion7(Filed), "pseudonym-1", assignmentId ?? AssignmentId, ObjectionKinds.NotMe, "Ik werk sinds kort.", Filed, "mijn-gemeente");

    [Fact]
    public void A_filed_objection_is_open_and_concerns_the_assignment_in_use()
    {
        var objection = FileNotMe();

        Assert.Equal(ObjectionStatuses.Open, objection.Status);
        Assert.True(objection.IsOpen);
        Assert.Equal(AssignmentId, objection.AssignmentId);
        Assert.Equal("pseudonym-1", objection.SubjectPseudonym);
        Assert.Equal("mijn-gemeente", objection.ClientId);
        Assert.Null(objection.Reviewed);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("  Klopt niet. ", "Klopt niet.")]
    public void The_citizens_words_are_trimmed_and_blank_words_are_none(string? message, string? stored) =>
        Assert.Equal(stored, Objection.File(Guid.NewGuid(), "p", null, ObjectionKinds.DoNotWant, message, Filed, "portal").Message);

    [Fact]
    public void Only_the_known_kinds_can_be_filed() =>
        Assert.Throws<ArgumentException>(() => Objection.File(Guid.NewGuid(), "p", null, "angry", null, Filed, "portal"));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_objection_is_always_filed_by_a_subject(string subject) =>
        Assert.Throws<ArgumentException>(() => Objection.File(Guid.NewGuid(), subject, null, ObjectionKinds.NotMe, null, Filed, "portal"));

    [Fact]
    public void Filing_restricts_at_once_an_upheld_objection_for_good_and_a_rejected_one_not_at_all()
    {
        Assert.Equal(new SubjectRestriction(HasOpen: true, HasUpheld: false), SubjectRestriction.From([ObjectionStatuses.Open]));
        Assert.Equal(new SubjectRestriction(HasOpen: false, HasUpheld: true), SubjectRestriction.From([ObjectionStatuses.Upheld, ObjectionStatuses.Rejected]));
        Assert.False(SubjectRestriction.From([ObjectionStatuses.Rejected]).Restricted);
        Assert.False(SubjectRestriction.From([]).Restricted);
        Assert.True(SubjectRestriction.From([FileNotMe().Status]).Restricted);
    }

    [Fact]
    public void A_person_reviews_with_trimmed_reasoning_and_the_review_names_them()
    {
        var result = FileNotMe().Review(Reviewer, ObjectionStatuses.Rejected, "  De gegevens kloppen. ", Later);

        Assert.Null(result.Refusal);
        Assert.Equal(ObjectionStatuses.Rejected, result.Reviewed!.Status);
        Assert.Equal(new ObjectionReview(ObjectionStatuses.Rejected, "De gegevens kloppen.", Later, "zaaksysteem", "u-17", "A. de Vries"), result.Reviewed.Reviewed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Only_a_person_reviews(string? userId)
    {
        var application = new Actor("zaaksysteem", userId, null);

        Assert.Equal(ObjectionReviewRefusal.PersonRequired, Objection.RefusesReviewer(application));
        Assert.Equal(ObjectionReviewRefusal.PersonRequired, FileNotMe().Review(application, ObjectionStatuses.Upheld, "Terecht", Later).Refusal);
        Assert.Null(Objection.RefusesReviewer(Reviewer));
    }

    [Fact]
    public void A_review_upholds_or_rejects_and_cannot_reopen() =>
        Assert.Equal(ObjectionReviewRefusal.UnknownOutcome, FileNotMe().Review(Reviewer, ObjectionStatuses.Open, "Terecht", Later).Refusal);

    [Fact]
    public void A_review_without_reasoning_is_refused() =>
        Assert.Equal(ObjectionReviewRefusal.ReasoningRequired, FileNotMe().Review(Reviewer, ObjectionStatuses.Upheld, " ", Later).Refusal);

    [Fact]
    public void An_objection_is_reviewed_once()
    {
        var upheld = FileNotMe().Review(Reviewer, ObjectionStatuses.Upheld, "Terecht", Later).Reviewed!;

        Assert.Equal(ObjectionReviewRefusal.AlreadyReviewed, upheld.Review(Reviewer, ObjectionStatuses.Rejected, "Toch niet", Later).Refusal);
    }

    [Fact]
    public void An_upheld_objection_withdraws_the_assignment_it_concerned()
    {
        var upheld = FileNotMe().Review(Reviewer, ObjectionStatuses.Upheld, "Terecht", Later).Reviewed!;

        Assert.Equal(AssignmentId, upheld.WithdrawnAssignmentId);
    }

    [Fact]
    public void An_open_or_rejected_objection_withdraws_nothing()
    {
        var open = FileNotMe();

        Assert.Null(open.WithdrawnAssignmentId);
        Assert.Null(open.Review(Reviewer, ObjectionStatuses.Rejected, "Klopt", Later).Reviewed!.WithdrawnAssignmentId);
    }

    [Fact]
    public void An_upheld_objection_filed_without_advice_withdraws_nothing_but_still_restricts()
    {
        var withoutAdvice = Objection.File(Guid.NewGuid(), "p", null, ObjectionKinds.DoNotWant, null, Filed, "portal");
        var upheld = withoutAdvice.Review(Reviewer, ObjectionStatuses.Upheld, "Terecht", Later).Reviewed!;

        Assert.Null(upheld.WithdrawnAssignmentId);
        Assert.True(SubjectRestriction.From([upheld.Status]).HasUpheld);
    }
}
