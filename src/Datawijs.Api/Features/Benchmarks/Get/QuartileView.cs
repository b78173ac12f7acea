using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Benchmarks.Get;

/// <summary>Type 7 quartiles (as R, NumPy and Excel PERCENTILE.INC), rounded to 0.1.</summary>
public sealed class QuartileView
{
    public double Q1 { get; init; }

    public double Median { get; init; }

    public double Q3 { get; init; }

    public static QuartileView? From(Quartiles? quartiles) =>
        quartiles is null ? null : new QuartileView { Q1 = quartiles.Q1, Median = quartiles.Median, Q3 = quartiles.Q3 };
}
