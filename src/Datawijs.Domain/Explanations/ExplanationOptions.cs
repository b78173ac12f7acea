namespace Datawijs.Domain.Explanations;

/// <summary>Settings of <see cref="Explainer.Explain"/>. The defaults are the documented policy.</summary>
public sealed record ExplanationOptions
{
    public static ExplanationOptions Default { get; } = new();

    /// <summary>
    /// An assignment is flagged uncertain when <see cref="Explanation.RelativeMargin"/>
    /// (margin / second-nearest distance) is below this value. Default 0.1: the runner-up is
    /// less than about 11 % farther away than the assigned profile. At that point a small
    /// measurement error in one feature (an income a few hundred euros off) can already swap
    /// the two profiles, so the case worker should know. Relative to the runner-up rather than
    /// the nearest distance so the number stays in [0, 1] and is finite when the subject sits
    /// exactly on a profile's centre. A margin exactly at the threshold is not uncertain.
    /// </summary>
    public double UncertainBelowRelativeMargin { get; init; } = 0.1;

    /// <summary>
    /// An assignment is also flagged uncertain when the absolute margin (in squared standardised
    /// units) is below this value, however large it is relatively. Default 0.1: a fifth of one
    /// categorical mismatch with the default gamma of 0.5, or a numeric feature about a tenth
    /// of a standard deviation off. This catches subjects close to two nearly identical profiles.
    /// </summary>
    public double UncertainBelowAbsoluteMargin { get; init; } = 0.1;

    /// <summary>
    /// For how many of the nearest other profiles (runner-up first) a counterfactual is searched.
    /// Default 2. 0 switches counterfactuals off.
    /// </summary>
    public int MaxCounterfactuals { get; init; } = 2;

    /// <summary>
    /// The most features one counterfactual may change. Default 3: a change of more than three
    /// things is no longer a small change a person can picture, and the limit bounds the search
    /// (at most 175 subsets for 10 mutable features).
    /// </summary>
    public int MaxChangedFeatures { get; init; } = 3;

    internal void Validate()
    {
        if (!(UncertainBelowRelativeMargin >= 0) || !(UncertainBelowAbsoluteMargin >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(UncertainBelowRelativeMargin), "Margin thresholds must be >= 0.");
        }

        if (MaxCounterfactuals < 0 || MaxChangedFeatures < 1 || MaxChangedFeatures > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCounterfactuals), "MaxCounterfactuals must be >= 0 and MaxChangedFeatures 1..16.");
        }
    }
}
