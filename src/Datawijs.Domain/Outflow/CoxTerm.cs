namespace Datawijs.Domain.Outflow;

/// <summary>
/// One column of the model. Categorical: <paramref name="Value"/> against <paramref name="Reference"/>
/// (the feature's most frequent value). Numeric: Value and Reference null, the ratio is per
/// <paramref name="StandardDeviation"/> (one sample standard deviation, in the feature's unit).
/// <paramref name="HazardRatio"/> = exp(coefficient); <paramref name="Lower"/>/<paramref name="Upper"/> the
/// Wald 95 % interval exp(b ± 1.96 se); <paramref name="PValue"/> the two-sided Wald p. A column that is a
/// combination of others (aliased) has NaN figures, as R's NA. <paramref name="MayBeInfinite"/>: the
/// likelihood converged before this coefficient did (R's warning "coefficient may be infinite").
/// </summary>
public sealed record CoxTerm(
    string Feature,
    string? Value,
    string? Reference,
    double? StandardDeviation,
    double Coefficient,
    double StandardError,
    double HazardRatio,
    double Lower,
    double Upper,
    double PValue,
    bool MayBeInfinite);
