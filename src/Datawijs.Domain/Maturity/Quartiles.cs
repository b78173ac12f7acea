namespace Datawijs.Domain.Maturity;

/// <summary>First quartile, median and third quartile (type 7 quantiles).</summary>
public sealed record Quartiles(double Q1, double Median, double Q3)
{
    public static Quartiles Of(IReadOnlyCollection<double> values) =>
        new(Statistics.Quantile(values, 0.25), Statistics.Quantile(values, 0.5), Statistics.Quantile(values, 0.75));

    /// <summary>The quartiles as published: each rounded to 0.1.</summary>
    public Quartiles Published() => new(PeerBenchmarks.Round(Q1), PeerBenchmarks.Round(Median), PeerBenchmarks.Round(Q3));
}
