using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>Why one subject feature cannot be used. Maps onto problem+json <c>invalidParams</c>.</summary>
/// <param name="Name">The feature name as sent.</param>
/// <param name="Code">A stable code, one of <see cref="FeatureProblemCodes"/>.</param>
/// <param name="Reason">A readable reason (English, for the calling system).</param>
public sealed record FeatureProblem(string Name, string Code, string Reason);

/// <summary>The stable codes of <see cref="FeatureProblem.Code"/>.</summary>
public static class FeatureProblemCodes
{
    /// <summary>A clustering feature was not sent.</summary>
    public const string Missing = "missing";

    /// <summary>A feature that the profile set does not declare.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// A protected feature (e.g. migration background) was sent. It never takes part in an
    /// assignment, so it must not be sent at all (data minimisation).
    /// </summary>
    public const string Protected = "protected";

    /// <summary>A number for a categorical feature or a category for a numeric one.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A categorical value that is not in the declared list of values.</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>NaN or infinity.</summary>
    public const string NotANumber = "not-a-number";

    /// <summary>A number outside the declared minimum and maximum.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A fraction for a numeric feature declared as a whole number (e.g. 0.5 children).</summary>
    public const string NotAWholeNumber = "not-a-whole-number";
}

/// <summary>
/// The outcome of <see cref="Explainer.Explain"/>: either an explanation, or every problem
/// with the subject's features at once. Invalid input is an expected outcome, so nothing throws.
/// </summary>
public sealed record ExplanationResult(Explanation? Explanation, IReadOnlyList<FeatureProblem> Problems)
{
    public bool IsValid => Explanation is not null;
}

/// <summary>The distance from the subject to one profile.</summary>
public sealed record ProfileDistance(Guid ProfileId, double Distance);

/// <summary>
/// One feature's exact term in the distance to the assigned profile. Summed in the listed
/// order the terms give <see cref="Explanation.Distance"/> bit for bit.
/// </summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Type">Numeric or categorical.</param>
/// <param name="Term">The term: squared standardised difference, or gamma for a mismatch, else 0.</param>
/// <param name="SubjectValue">The subject's value (raw units).</param>
/// <param name="ProfileValue">The assigned profile's centroid value (raw mean or mode).</param>
/// <param name="RunnerUpTerm">
/// The same feature's term in the distance to the runner-up profile. RunnerUpTerm − Term &gt; 0
/// means this feature pulled the subject toward the assigned profile.
/// </param>
public sealed record Contribution(
    string Feature,
    FeatureType Type,
    double Term,
    FeatureValue SubjectValue,
    FeatureValue ProfileValue,
    double RunnerUpTerm);

/// <summary>One changed feature in a counterfactual.</summary>
public sealed record FeatureChange(string Feature, FeatureValue From, FeatureValue To);

/// <summary>
/// The smallest change in mutable features that makes another profile the nearest one,
/// already verified by re-assigning the changed features.
/// </summary>
/// <param name="ProfileId">The profile the subject would be assigned to after the change.</param>
/// <param name="Changes">The changed features, in declaration order.</param>
/// <param name="ChangeSize">
/// The size of the change in the model's own metric: Σ squared standardised numeric change +
/// gamma × number of switched categories.
/// </param>
/// <param name="Distance">The distance to <paramref name="ProfileId"/> after the change.</param>
/// <param name="Margin">After the change: the second-nearest distance minus the nearest; always &gt; 0.</param>
public sealed record Counterfactual(
    Guid ProfileId,
    IReadOnlyList<FeatureChange> Changes,
    double ChangeSize,
    double Distance,
    double Margin);

/// <summary>
/// Advice, never a decision: the nearest profile, how sure that is and why, and what would
/// have led to another profile.
/// </summary>
/// <param name="ProfileId">The nearest profile: the advice.</param>
/// <param name="Distance">The distance to that profile (= the sum of <paramref name="Contributions"/>).</param>
/// <param name="Distances">The distance to every profile, nearest first, ties in published order.</param>
/// <param name="RunnerUpProfileId">The second-nearest profile.</param>
/// <param name="Margin">Second-nearest distance minus nearest distance (≥ 0).</param>
/// <param name="RelativeMargin">
/// <paramref name="Margin"/> divided by the second-nearest distance, in [0, 1]: 0 is a tie,
/// 1 means the subject sits exactly on the assigned profile's centre. 0 when both distances are 0.
/// </param>
/// <param name="Uncertain">True when the margin is small; see <see cref="ExplanationOptions"/>.</param>
/// <param name="Contributions">Every clustering feature's term, largest first.</param>
/// <param name="Counterfactuals">Verified counterfactuals for the nearest other profiles, nearest first.</param>
public sealed record Explanation(
    Guid ProfileId,
    double Distance,
    IReadOnlyList<ProfileDistance> Distances,
    Guid RunnerUpProfileId,
    double Margin,
    double RelativeMargin,
    bool Uncertain,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Counterfactual> Counterfactuals);
