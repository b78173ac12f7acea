using Datawijs.Domain.Objections;

namespace Datawijs.Domain.Assignments;

/// <summary>
/// An assignment: advice for one (pseudonymised) subject, never a decision. Its status follows from its own
/// decision and withdrawal and from the subject's objections right now; the advice itself is given only while
/// the assignment is in use (advice or decided). A person decides once, with reasoning, and only while the
/// advice is given.
/// </summary>
/// <param name="Id">The assignment.</param>
/// <param name="SubjectPseudonym">Whom the advice is about.</param>
/// <param name="Decision">The person's decision; null until made.</param>
/// <param name="WithdrawnAt">When an upheld objection withdrew the advice; null while it stands.</param>
public sealed record Assignment(Guid Id, string SubjectPseudonym, AssignmentDecision? Decision, DateTimeOffset? WithdrawnAt)
{
    /// <summary>
    /// Withdrawn once withdrawn or while any objection of the subject is upheld; contested while one is open;
    /// otherwise decided or advice. An objection outweighs a decision: a decided assignment the subject then
    /// objects to is contested.
    /// </summary>
    public AssignmentStatus StatusWith(SubjectRestriction restriction)
    {
        if (WithdrawnAt is not null || restriction.HasUpheld)
        {
            return AssignmentStatus.Withdrawn;
        }

        if (restriction.HasOpen)
        {
            return AssignmentStatus.Contested;
        }

        return Decision is null ? AssignmentStatus.Advice : AssignmentStatus.Decided;
    }

    /// <summary>Whether an assignment in this status shows its advice (profile, distances, explanation): only while in use.</summary>
    public static bool ShowsAdvice(AssignmentStatus status) => status is AssignmentStatus.Advice or AssignmentStatus.Decided;

    /// <summary>Why no new advice is given for a subject with this restriction; null when it may be given.</summary>
    public static AdviceRefusal? RefusesNewAdvice(SubjectRestriction restriction) =>
        restriction.HasOpen ? AdviceRefusal.ObjectionOpen
        : restriction.HasUpheld ? AdviceRefusal.ObjectionUpheld
        : null;

    /// <summary>Whether this actor may decide at all, before anything is looked up: only a person decides.</summary>
    public static DecisionRefusal? RefusesDecider(Actor decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        return decider.IsPerson ? null : DecisionRefusal.PersonRequired;
    }

    /// <summary>
    /// A person records their own decision on the advice: once, with reasoning, and only while the advice is
    /// given (not while the subject's objection is open, not after it was upheld).
    /// </summary>
    public DecisionResult Decide(SubjectRestriction restriction, Actor decider, string outcome, string reasoning, DateTimeOffset decidedAt)
    {
        if (RefusesDecider(decider) is { } refusal)
        {
            return DecisionResult.Refused(refusal);
        }

        if (!DecisionOutcomes.All.Contains(outcome))
        {
            return DecisionResult.Refused(DecisionRefusal.UnknownOutcome);
        }

        if (string.IsNullOrWhiteSpace(reasoning))
        {
            return DecisionResult.Refused(DecisionRefusal.ReasoningRequired);
        }

        switch (StatusWith(restriction))
        {
            case AssignmentStatus.Decided:
                return DecisionResult.Refused(DecisionRefusal.AlreadyDecided);
            case AssignmentStatus.Contested:
                return DecisionResult.Refused(DecisionRefusal.Contested);
            case AssignmentStatus.Withdrawn:
                return DecisionResult.Refused(DecisionRefusal.Withdrawn);
        }

        return DecisionResult.Made(new AssignmentDecision(
            outcome, reasoning.Trim(), decidedAt, decider.ClientId, decider.UserId, decider.UserRepresentation));
    }
}
