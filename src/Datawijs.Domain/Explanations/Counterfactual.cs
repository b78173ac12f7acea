namespace Datawijs.Domain.Explanations;

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
