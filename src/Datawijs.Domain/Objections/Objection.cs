using Datawijs.Domain.Assignments;

namespace Datawijs.Domain.Objections;

/// <summary>
/// A citizen's objection to the use of profiles for them, from filing to review. Filing restricts at once:
/// while it is open the subject's advice is not given (<see cref="SubjectRestriction"/>). A person reviews it
/// once; upheld withdraws the assignment it concerned and keeps profiles from being used for the subject,
/// rejected ends the restriction.
/// </summary>
/// <param name="Id">The objection.</param>
/// <param name="SubjectPseudonym">Who objected: always the subject themselves, never someone on their behalf.</param>
/// <param name="AssignmentId">The subject's assignment in use when the objection was filed; null when there was none.</param>
/// <param name="Kind">notMe or doNotWant (<see cref="ObjectionKinds"/>).</param>
/// <param name="Message">The citizen's own words, trimmed; null when none.</param>
/// <param name="Status">open, upheld or rejected (<see cref="ObjectionStatuses"/>).</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="ClientId">The portal it was filed through.</param>
/// <param name="Reviewed">The review; null while open.</param>
public sealed record Objection(
    Guid Id,
    string SubjectPseudonym,
    Guid? AssignmentId,
    string Kind,
    string? Message,
    string Status,
    DateTimeOffset CreatedAt,
    string ClientId,
    ObjectionReview? Reviewed = null)
{
    public bool IsOpen => Status == ObjectionStatuses.Open;

    /// <summary>
    /// The assignment this objection withdraws: the one it concerned, once the objection is upheld; null otherwise
    /// (open, rejected, or filed when the subject had no assignment).
    /// </summary>
    public Guid? WithdrawnAssignmentId => Status == ObjectionStatuses.Upheld ? AssignmentId : null;

    /// <summary>
    /// A subject files an objection against the assignment in use for them (if any). It is open from the start,
    /// so it restricts the use of profiles for the subject before anyone reviews it.
    /// </summary>
    /// <param name="id">The new objection's id.</param>
    /// <param name="subjectPseudonym">The subject of the verified citizen token: nobody files for someone else.</param>
    /// <param name="currentAssignmentId">The subject's assignment in use now, or null.</param>
    /// <param name="kind">notMe or doNotWant.</param>
    /// <param name="message">The citizen's own words; blank means none.</param>
    /// <param name="filedAt">Now.</param>
    /// <param name="portal">The portal the citizen used.</param>
    public static Objection File(
        Guid id, string subjectPseudonym, Guid? currentAssignmentId, string kind, string? message, DateTimeOffset filedAt, string portal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectPseudonym);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(portal);
        if (!ObjectionKinds.All.Contains(kind))
        {
            throw new ArgumentException($"'{kind}' is not an objection kind.", nameof(kind));
        }

        return new Objection(
            id, subjectPseudonym, currentAssignmentId, kind, string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            ObjectionStatuses.Open, filedAt, portal);
    }

    /// <summary>Whether this actor may review at all, before anything is looked up: only a person reviews.</summary>
    public static ObjectionReviewRefusal? RefusesReviewer(Actor reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return reviewer.IsPerson ? null : ObjectionReviewRefusal.PersonRequired;
    }

    /// <summary>
    /// A person reviews the open objection once, with reasoning: upheld or rejected. The result says what changed
    /// (<see cref="WithdrawnAssignmentId"/> on the reviewed objection) or why nothing did.
    /// </summary>
    public ObjectionReviewResult Review(Actor reviewer, string outcome, string reasoning, DateTimeOffset reviewedAt)
    {
        if (RefusesReviewer(reviewer) is { } refusal)
        {
            return ObjectionReviewResult.Refused(refusal);
        }

        if (!ObjectionStatuses.ReviewOutcomes.Contains(outcome))
        {
            return ObjectionReviewResult.Refused(ObjectionReviewRefusal.UnknownOutcome);
        }

        if (string.IsNullOrWhiteSpace(reasoning))
        {
            return ObjectionReviewResult.Refused(ObjectionReviewRefusal.ReasoningRequired);
        }

        if (!IsOpen)
        {
            return ObjectionReviewResult.Refused(ObjectionReviewRefusal.AlreadyReviewed);
        }

        var review = new ObjectionReview(outcome, reasoning.Trim(), reviewedAt, reviewer.ClientId, reviewer.UserId, reviewer.UserRepresentation);
        return ObjectionReviewResult.Done(this with { Status = outcome, Reviewed = review });
    }
}
