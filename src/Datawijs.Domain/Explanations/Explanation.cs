namespace Datawijs.Domain.Explanations;

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
