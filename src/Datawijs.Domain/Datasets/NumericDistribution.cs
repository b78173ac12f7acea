namespace Datawijs.Domain.Datasets;

/// <summary>
/// The distribution of one numeric feature in memory that does not grow with the number of values, so
/// that an upload of any size can report quartiles while it streams.
/// <para>
/// Exact while the feature has at most <see cref="MaxExactValues"/> distinct values (a count per distinct
/// value): ages, numbers of children, incomes in whole euros or tens, which is what the social domain
/// uploads. Past that it turns into a relative-error sketch (logarithmic buckets as in DDSketch): every
/// order statistic is then reported within <see cref="RelativeAccuracy"/> of the exact one (0.05 %, before
/// the disclosure rounding to 2 significant figures, so the shown figure only differs when the exact value
/// lies that close to a rounding boundary). Should more than <see cref="MaxBuckets"/> buckets be occupied
/// (values spread over about 28 orders of magnitude), neighbouring buckets are merged two by two as in
/// UDDSketch, which doubles the relative error each time but keeps memory bounded.
/// </para>
/// </summary>
public sealed class NumericDistribution
{
    /// <summary>Up to this many distinct values the distribution (and every quantile) is exact.</summary>
    public const int MaxExactValues = 65_536;

    /// <summary>The most buckets the sketch keeps before it merges neighbours.</summary>
    public const int MaxBuckets = 65_536;

    /// <summary>The relative error of an order statistic once the sketch takes over (1/2048 ≈ 0.05 %).</summary>
    public const double InitialRelativeAccuracy = 1.0 / 2048;

    private Dictionary<double, long>? exact = [];
    private Dictionary<int, long> positive = [];
    private Dictionary<int, long> negative = [];
    private long zeros;
    private double gamma;
    private double logGamma;
    private double accuracy;
    private int collapses;

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>True while every quantile is exact.</summary>
    public bool IsExact => exact is not null;

    /// <summary>0 while exact; otherwise the bound on the relative error of an order statistic.</summary>
    public double RelativeAccuracy => exact is null ? accuracy : 0;

    /// <summary>Adds one value (finite; NaN means missing and must not be added).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only finite values have a place in the distribution.");
        }

        Add(value, 1);
    }

    /// <summary>
    /// Adds every value of <paramref name="other"/>, as if each had been added here: exact while the
    /// values of both together are at most <see cref="MaxExactValues"/> distinct ones; otherwise a sketch
    /// at the coarser accuracy of the two, so the bound on the relative error still holds.
    /// </summary>
    public void Add(NumericDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.exact is not null)
        {
            foreach (var (value, count) in other.exact)
            {
                Add(value, count);
            }

            return;
        }

        if (exact is not null)
        {
            ToSketch();
        }

        while (collapses < other.collapses)
        {
            Collapse();
        }

        var (otherPositive, otherNegative) = (other.positive, other.negative);
        for (var c = other.collapses; c < collapses; c++)
        {
            otherPositive = Halve(otherPositive);
            otherNegative = Halve(otherNegative);
        }

        Count += other.Count;
        zeros += other.zeros;
        foreach (var (key, count) in otherPositive)
        {
            positive[key] = positive.GetValueOrDefault(key) + count;
        }

        foreach (var (key, count) in otherNegative)
        {
            negative[key] = negative.GetValueOrDefault(key) + count;
        }

        while (positive.Count + negative.Count > MaxBuckets)
        {
            Collapse();
        }
    }

    /// <summary>
    /// The p-quantile with linear interpolation between order statistics (type 7, as R and NumPy by
    /// default, and as <see cref="DataQualityReport.Create"/> computes it); NaN without values.
    /// </summary>
    public double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (Count == 0)
        {
            return double.NaN;
        }

        var h = (Count - 1) * p;
        var lo = (long)Math.Floor(h);
        var hi = Math.Min(lo + 1, Count - 1);
        var low = OrderStatistic(lo);
        var high = hi == lo ? low : OrderStatistic(hi);
        return low + ((h - lo) * (high - low));
    }

    /// <summary>The k-th smallest value (0-based), exact or within <see cref="RelativeAccuracy"/>.</summary>
    public double OrderStatistic(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        if (exact is not null)
        {
            foreach (var (value, count) in exact.OrderBy(e => e.Key))
            {
                if (k < count)
                {
                    return value;
                }

                k -= count;
            }
        }
        else
        {
            foreach (var (key, count) in negative.OrderByDescending(e => e.Key))
            {
                if (k < count)
                {
                    return -Representative(key);
                }

                k -= count;
            }

            if (k < zeros)
            {
                return 0;
            }

            k -= zeros;
            foreach (var (key, count) in positive.OrderBy(e => e.Key))
            {
                if (k < count)
                {
                    return Representative(key);
                }

                k -= count;
            }
        }

        throw new InvalidOperationException("The counts do not add up to the number of values.");
    }

    private void Add(double value, long count)
    {
        Count += count;
        if (value == 0)
        {
            value = 0; // -0 and 0 are the same value
        }

        if (exact is not null)
        {
            exact[value] = exact.GetValueOrDefault(value) + count;
            if (exact.Count > MaxExactValues)
            {
                ToSketch();
            }

            return;
        }

        AddToSketch(value, count);
    }

    private void ToSketch()
    {
        gamma = (1 + InitialRelativeAccuracy) / (1 - InitialRelativeAccuracy);
        logGamma = Math.Log(gamma);
        accuracy = InitialRelativeAccuracy;
        var values = exact!;
        exact = null;
        foreach (var (value, count) in values)
        {
            AddToSketch(value, count);
        }
    }

    // Bucket i holds the magnitudes in (gamma^(i-1), gamma^i]; its representative is within accuracy of each.
    private void AddToSketch(double value, long count)
    {
        if (value == 0)
        {
            zeros += count;
            return;
        }

        var buckets = value > 0 ? positive : negative;
        var key = (int)Math.Ceiling(Math.Log(Math.Abs(value)) / logGamma);
        buckets[key] = buckets.GetValueOrDefault(key) + count;
        if (positive.Count + negative.Count > MaxBuckets)
        {
            Collapse();
        }
    }

    // Merges buckets two by two (gamma becomes gamma squared): bucket i goes to ceil(i / 2).
    private void Collapse()
    {
        gamma *= gamma;
        logGamma *= 2;
        collapses++;
        accuracy = (gamma - 1) / (gamma + 1);
        positive = Halve(positive);
        negative = Halve(negative);
    }

    private static Dictionary<int, long> Halve(Dictionary<int, long> buckets)
    {
        var merged = new Dictionary<int, long>(buckets.Count / 2 + 1);
        foreach (var (key, count) in buckets)
        {
            var half = (int)Math.Ceiling(key / 2.0);
            merged[half] = merged.GetValueOrDefault(half) + count;
        }

        return merged;
    }

    private double Representative(int key) => Math.Min(double.MaxValue, 2 * Math.Exp(key * logGamma) / (gamma + 1));
}
