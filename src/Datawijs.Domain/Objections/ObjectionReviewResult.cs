namespace Datawijs.Domain.Objections;

/// <summary>The reviewed objection, or why it was not reviewed.</summary>
public sealed record ObjectionReviewResult
{
    private ObjectionReviewResult(Objection? reviewed, ObjectionReviewRefusal? refusal) => (Reviewed, Refusal) = (reviewed, refusal);

    /// <summary>The objection after the review; null when refused.</summary>
    public Objection? Reviewed { get; }

    public ObjectionReviewRefusal? Refusal { get; }

    public static ObjectionReviewResult Done(Objection reviewed) => new(reviewed, null);

    public static ObjectionReviewResult Refused(ObjectionReviewRefusal refusal) => new(null, refusal);
}
