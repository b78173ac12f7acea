namespace Datawijs.Domain.Objections;

/// <summary>Why a review of an objection is not made.</summary>
public enum ObjectionReviewRefusal
{
    /// <summary>Only a person reviews: the reviewer has no user id.</summary>
    PersonRequired,

    /// <summary>The outcome is neither upheld nor rejected.</summary>
    UnknownOutcome,

    /// <summary>A review states its reasoning.</summary>
    ReasoningRequired,

    /// <summary>The objection is no longer open: it is reviewed once.</summary>
    AlreadyReviewed,
}
