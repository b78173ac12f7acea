namespace Datawijs.Domain.Explanations;

/// <summary>
/// The plain-language explanation of an assignment, in parts so a portal can lay them out.
/// The right to object is its own part on purpose: it must never be hidden inside other text.
/// </summary>
/// <param name="Advice">Which profile is advised and what it means; that it is advice, not a decision.</param>
/// <param name="Reasons">The features that weighed most.</param>
/// <param name="DataUsed">Which of the subject's data the advice used, and that nothing else was used.</param>
/// <param name="Certainty">The margin to the next profile, and whether the advice is uncertain.</param>
/// <param name="Alternative">What would have led to another profile (the counterfactual).</param>
/// <param name="WhoDecides">That a person decides and may deviate.</param>
/// <param name="RightToObject">"Dit ben ik niet" / "Ik wil dit niet".</param>
public sealed record RenderedExplanation(
    string Advice,
    string Reasons,
    string DataUsed,
    string Certainty,
    string Alternative,
    string WhoDecides,
    string RightToObject)
{
    /// <summary>All parts, one paragraph each.</summary>
    public string Full => string.Join("\n\n", Advice, Reasons, DataUsed, Certainty, Alternative, WhoDecides, RightToObject);
}
