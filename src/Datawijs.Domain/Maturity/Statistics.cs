namespace Datawijs.Domain.Maturity;

/// <summary>Small, exactly specified statistics, so every figure can be recomputed by hand.</summary>
public static class Statistics
{
    /// <summary>The median; for an even count the mean of the two middle values.</summary>
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// Quantile by linear interpolation between order statistics: Hyndman &amp; Fan type 7, the
    /// default of R and NumPy and Excel's PERCENTILE.INC. For sorted x₀..xₙ₋₁, h = (n − 1)·p and
    /// Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
    /// </summary>
    public static double Quantile(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        }

        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>σ with divisor n (not n − 1): the spread of exactly these respondents.</summary>
    public static double PopulationStandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
