namespace Datawijs.Domain.Outflow;

/// <summary>
/// The log-rank test: <paramref name="ChiSquare"/> on <paramref name="Df"/> degrees of freedom and its
/// p-value; observed and expected events per group (0 for a group without households).
/// </summary>
public sealed record LogRankResult(double ChiSquare, int Df, double PValue, IReadOnlyList<double> Observed, IReadOnlyList<double> Expected);
