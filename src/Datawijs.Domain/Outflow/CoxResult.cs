namespace Datawijs.Domain.Outflow;

/// <summary>Options of <see cref="CoxRegression.Fit"/>; the defaults are those of R's <c>coxph.control</c>.</summary>
public sealed record CoxOptions
{
    /// <summary>Newton-Raphson iterations at most (R: iter.max = 20).</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>Converged when the relative change of the log partial likelihood is at most this (R: eps = 1e-9).</summary>
    public double Tolerance { get; init; } = 1e-9;
}

/// <summary>
/// A proportional-hazards fit: one <see cref="CoxTerm"/> per indicator or numeric column, the notes that
/// explain what was left out or may not be trusted, and how the fit went. Never thrown: a fit that did not
/// converge says so in <see cref="Converged"/> and a note.
/// </summary>
public sealed record CoxResult(
    IReadOnlyList<CoxTerm> Terms,
    IReadOnlyList<CoxNote> Notes,
    bool Converged,
    int Iterations,
    int RowsUsed,
    int Events,
    double LogLikelihood,
    double NullLogLikelihood);

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

/// <summary>
/// Why something is missing or uncertain. Codes: <c>constant-covariate</c> (the feature has one value in
/// the rows used: left out), <c>aliased</c> (a column is a combination of others: NaN figures),
/// <c>rows-with-missing-values</c> (rows left out, as R's na.omit), <c>no-events</c> (nobody left: no
/// model), <c>no-covariates</c>, <c>not-converged</c>, <c>coefficient-may-be-infinite</c>.
/// </summary>
public sealed record CoxNote(string Code, string? Feature, string Message);
