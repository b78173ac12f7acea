namespace Datawijs.Domain.Outflow;

/// <summary>Options of <see cref="CoxRegression.Fit"/>; the defaults are those of R's <c>coxph.control</c>.</summary>
public sealed record CoxOptions
{
    /// <summary>Newton-Raphson iterations at most (R: iter.max = 20).</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>Converged when the relative change of the log partial likelihood is at most this (R: eps = 1e-9).</summary>
    public double Tolerance { get; init; } = 1e-9;
}
