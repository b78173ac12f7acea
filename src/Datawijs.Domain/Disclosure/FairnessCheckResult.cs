namespace Datawijs.Domain.Disclosure;

/// <summary>
/// What the check looked at and found. <see cref="CheckedFeatures"/>: the protected categorical features;
/// <see cref="NumericFeatures"/>: protected numeric features, which have no groups to count and are only
/// reported as medians; <see cref="Tests"/>: how many (profile, group) comparisons were tested.
/// </summary>
public sealed record FairnessCheckResult(
    IReadOnlyList<FairnessFinding> Findings,
    IReadOnlyList<string> CheckedFeatures,
    IReadOnlyList<string> NumericFeatures,
    int Tests,
    FairnessCheckOptions Options)
{
    public bool OverRepresentationFound => Findings.Count > 0;
}
