namespace Datawijs.Domain.Explanations;

/// <summary>
/// The outcome of <see cref="Explainer.Explain"/>: either an explanation, or every problem
/// with the subject's features at once. Invalid input is an expected outcome, so nothing throws.
/// </summary>
public sealed record ExplanationResult(Explanation? Explanation, IReadOnlyList<FeatureProblem> Problems)
{
    public bool IsValid => Explanation is not null;
}
