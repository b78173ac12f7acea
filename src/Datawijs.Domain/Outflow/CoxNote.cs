namespace Datawijs.Domain.Outflow;

/// <summary>
/// Why something is missing or uncertain. Codes: <c>constant-covariate</c> (the feature has one value in
/// the rows used: left out), <c>aliased</c> (a column is a combination of others: NaN figures),
/// <c>rows-with-missing-values</c> (rows left out, as R's na.omit), <c>no-events</c> (nobody left: no
/// model), <c>no-covariates</c>, <c>not-converged</c>, <c>coefficient-may-be-infinite</c>.
/// </summary>
public sealed record CoxNote(string Code, string? Feature, string Message);
