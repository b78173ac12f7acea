namespace Datawijs.Domain.Outflow;

/// <summary>
/// The Kaplan-Meier curve of one group, as R's <c>survfit</c> gives it: one point per distinct duration
/// in the group (events or censorings), <see cref="Survival"/> = the share still in just after that time,
/// Greenwood's standard error of the log survival (survfit's <c>std.err</c>) and the 95 % interval with
/// <c>conf.type = "log"</c> (upper clipped at 1). Where the curve reaches 0 the interval is NaN (R: NA).
/// </summary>
public sealed class SurvivalCurve
{
    internal SurvivalCurve(int group, int households, double[] times, double[] survival, double[] standardError,
        double[] lower, double[] upper, int[] atRisk, int[] eventCounts, int[] censoredCounts)
    {
        Group = group;
        Households = households;
        Times = times;
        Survival = survival;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
        AtRisk = atRisk;
        EventCounts = eventCounts;
        CensoredCounts = censoredCounts;
        Events = eventCounts.Sum();
        Median = MedianOf(survival, times);
        MedianLower = MedianOf(lower, times);
        MedianUpper = MedianOf(upper, times);
    }

    /// <summary>The group index (0..GroupCount-1) in <see cref="SurvivalData"/>.</summary>
    public int Group { get; }

    /// <summary>Households in the group.</summary>
    public int Households { get; }

    /// <summary>Households in the group that left (events).</summary>
    public int Events { get; }

    /// <summary>The distinct durations in the group, ascending.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Share still in just after each time (right-continuous step function).</summary>
    public IReadOnlyList<double> Survival { get; }

    /// <summary>Greenwood standard error of log survival at each time (R's survfit <c>std.err</c>).</summary>
    public IReadOnlyList<double> StandardError { get; }

    /// <summary>Lower end of the 95 % interval (log scale); NaN where survival is 0.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper end of the 95 % interval (log scale, at most 1); NaN where survival is 0.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Households still in at each time (duration ≥ time), R's <c>n.risk</c>.</summary>
    public IReadOnlyList<int> AtRisk { get; }

    /// <summary>Households that left at each time, R's <c>n.event</c>.</summary>
    public IReadOnlyList<int> EventCounts { get; }

    /// <summary>Households censored (still in at the extract) at each time, R's <c>n.censor</c>.</summary>
    public IReadOnlyList<int> CensoredCounts { get; }

    /// <summary>
    /// Median time to outflow as <c>print.survfit</c> defines it: the first time the curve is at or below
    /// 0.5; when the curve is exactly 0.5 there (within 1.5e-8), the mean of that time and the next time it
    /// drops. Null when the curve never reaches 0.5 (e.g. everyone censored).
    /// </summary>
    public double? Median { get; }

    /// <summary>Lower end of the median's 95 % interval: the same rule applied to the lower curve.</summary>
    public double? MedianLower { get; }

    /// <summary>Upper end of the median's 95 % interval: the same rule applied to the upper curve; null when not reached.</summary>
    public double? MedianUpper { get; }

    /// <summary>
    /// The curve at any time (for coarsened publication), like R's <c>summary(fit, times = t, extend = TRUE)</c>:
    /// the step value of the last point at or before <paramref name="time"/> (1 before the first point) and
    /// the households still in at that time (duration ≥ time).
    /// </summary>
    public SurvivalPoint At(double time)
    {
        var times = (double[])Times;
        var index = Array.BinarySearch(times, time);
        int last;
        int atRisk;
        if (index >= 0)
        {
            last = index;
            atRisk = AtRisk[index];
        }
        else
        {
            var next = ~index;
            last = next - 1;
            atRisk = next < times.Length ? AtRisk[next] : 0;
        }

        return last < 0
            ? new SurvivalPoint(time, 1, 1, 1, Households)
            : new SurvivalPoint(time, Survival[last], Lower[last], Upper[last], atRisk);
    }

    private static double? MedianOf(double[] curve, double[] times)
    {
        const double tolerance = 1.4901161193847656e-08; // sqrt(double epsilon), as all.equal
        var first = -1;
        for (var i = 0; i < curve.Length; i++)
        {
            if (!double.IsNaN(curve[i]) && curve[i] < 0.5 + tolerance)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return null;
        }

        if (Math.Abs(curve[first] - 0.5) < tolerance)
        {
            // A flat stretch at exactly one half: the median is the middle of it.
            for (var i = first + 1; i < curve.Length; i++)
            {
                if (!double.IsNaN(curve[i]) && curve[i] < curve[first])
                {
                    return (times[first] + times[i]) / 2;
                }
            }
        }

        return times[first];
    }
}
