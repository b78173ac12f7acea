namespace Datawijs.Domain.Outflow;

/// <summary>
/// Time-to-outflow observations in compact columns: per household its duration (time from start to
/// outflow, or to the extract date for those still in), whether it left (the event; otherwise censored)
/// and its group (0..GroupCount-1: a profile or a value of a categorical feature). The rows are sorted
/// by duration once, here, and every analysis reuses that order, so Kaplan-Meier, the log-rank test
/// and Cox regression together cost O(n log n).
/// </summary>
public sealed class SurvivalData
{
    private readonly double[] durations;
    private readonly bool[] events;
    private readonly int[] groups;
    private readonly int[] order;
    private readonly int[] groupSizes;

    private SurvivalData(double[] durations, bool[] events, int[] groups, int groupCount, int[] order, int[] groupSizes)
    {
        this.durations = durations;
        this.events = events;
        this.groups = groups;
        this.order = order;
        this.groupSizes = groupSizes;
        GroupCount = groupCount;
    }

    /// <summary>Number of households (rows).</summary>
    public int Count => durations.Length;

    /// <summary>Number of groups, including groups without households.</summary>
    public int GroupCount { get; }

    public ReadOnlySpan<double> Durations => durations;

    /// <summary>True where the household left (event), false where it is still in (censored).</summary>
    public ReadOnlySpan<bool> Events => events;

    public ReadOnlySpan<int> Groups => groups;

    /// <summary>Row indices sorted by duration ascending (stable: equal durations keep row order).</summary>
    public ReadOnlySpan<int> Order => order;

    /// <summary>Households per group.</summary>
    public ReadOnlySpan<int> GroupSizes => groupSizes;

    /// <summary>
    /// The checks <see cref="Create"/> makes, as messages (empty when the columns are usable): equal
    /// lengths, every duration finite and at least 0, every group in 0..groupCount-1, groupCount at least 1.
    /// Row validation with row numbers belongs to the upload; this guards the analysis.
    /// </summary>
    public static IReadOnlyList<string> Validate(ReadOnlySpan<double> durations, ReadOnlySpan<bool> events, ReadOnlySpan<int> groups, int groupCount)
    {
        var problems = new List<string>();
        if (groupCount < 1)
        {
            problems.Add("groupCount must be at least 1.");
        }

        if (events.Length != durations.Length || groups.Length != durations.Length)
        {
            problems.Add($"durations ({durations.Length}), events ({events.Length}) and groups ({groups.Length}) must have the same length.");
            return problems;
        }

        for (var i = 0; i < durations.Length; i++)
        {
            if (!double.IsFinite(durations[i]) || durations[i] < 0)
            {
                problems.Add($"Row {i}: the duration must be a number of at least 0.");
                break;
            }
        }

        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] < 0 || groups[i] >= groupCount)
            {
                problems.Add($"Row {i}: the group must be between 0 and {groupCount - 1}.");
                break;
            }
        }

        return problems;
    }

    /// <summary>
    /// Copies the columns and sorts them by duration once. Throws <see cref="ArgumentException"/> when
    /// <see cref="Validate"/> reports a problem (a caller's bug: rows are validated at upload).
    /// </summary>
    public static SurvivalData Create(ReadOnlySpan<double> durations, ReadOnlySpan<bool> events, ReadOnlySpan<int> groups, int groupCount)
    {
        var problems = Validate(durations, events, groups, groupCount);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(durations));
        }

        var d = durations.ToArray();
        var order = new int[d.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Sort (duration, row) pairs: the row index breaks ties, which makes the order stable and the
        // whole analysis independent of the sort algorithm.
        var keys = d.ToArray();
        Array.Sort(keys, order);
        StabiliseTies(keys, order);

        var sizes = new int[groupCount];
        foreach (var g in groups)
        {
            sizes[g]++;
        }

        return new SurvivalData(d, events.ToArray(), groups.ToArray(), groupCount, order, sizes);
    }

    /// <summary>All households in one group (group 0).</summary>
    public static SurvivalData Create(ReadOnlySpan<double> durations, ReadOnlySpan<bool> events) =>
        Create(durations, events, new int[durations.Length], 1);

    private static void StabiliseTies(double[] sortedKeys, int[] order)
    {
        var start = 0;
        for (var i = 1; i <= sortedKeys.Length; i++)
        {
            if (i == sortedKeys.Length || sortedKeys[i] != sortedKeys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(order, start, i - start);
                }

                start = i;
            }
        }
    }
}
