namespace Datawijs.Domain.Outflow;

/// <summary>Kaplan-Meier curves per group, as R's <c>survfit(Surv(time, status) ~ group)</c> (conf.type = "log").</summary>
public static class KaplanMeier
{
    /// <summary>One curve per group, in group order; a group without households has an empty curve and no median.</summary>
    public static IReadOnlyList<SurvivalCurve> Fit(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);

        // Partition the sorted rows by group once (a counting sort keeps the duration order).
        var sizes = data.GroupSizes;
        var starts = new int[data.GroupCount + 1];
        for (var g = 0; g < data.GroupCount; g++)
        {
            starts[g + 1] = starts[g] + sizes[g];
        }

        var byGroup = new int[data.Count];
        var fill = starts[..^1];
        var groups = data.Groups;
        foreach (var row in data.Order)
        {
            byGroup[fill[groups[row]]++] = row;
        }

        var curves = new SurvivalCurve[data.GroupCount];
        for (var g = 0; g < data.GroupCount; g++)
        {
            curves[g] = FitSorted(g, data.Durations, data.Events, byGroup.AsSpan(starts[g], sizes[g]));
        }

        return curves;
    }

    private static SurvivalCurve FitSorted(int group, ReadOnlySpan<double> durations, ReadOnlySpan<bool> events, ReadOnlySpan<int> rows)
    {
        var distinct = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i == 0 || durations[rows[i]] != durations[rows[i - 1]])
            {
                distinct++;
            }
        }

        var times = new double[distinct];
        var survival = new double[distinct];
        var standardError = new double[distinct];
        var lower = new double[distinct];
        var upper = new double[distinct];
        var atRisk = new int[distinct];
        var eventCounts = new int[distinct];
        var censoredCounts = new int[distinct];

        var s = 1.0;
        var greenwood = 0.0;
        var remaining = rows.Length;
        var point = 0;
        var i0 = 0;
        while (i0 < rows.Length)
        {
            var time = durations[rows[i0]];
            var d = 0;
            var i1 = i0;
            while (i1 < rows.Length && durations[rows[i1]] == time)
            {
                if (events[rows[i1]])
                {
                    d++;
                }

                i1++;
            }

            var n = remaining;
            if (d > 0)
            {
                s *= (double)(n - d) / n;
                greenwood += n == d ? double.PositiveInfinity : (double)d / ((double)n * (n - d));
            }

            var se = Math.Sqrt(greenwood);
            times[point] = time;
            survival[point] = s;
            standardError[point] = se;
            if (s > 0)
            {
                lower[point] = s * Math.Exp(-Distributions.Z95 * se);
                upper[point] = Math.Min(1, s * Math.Exp(Distributions.Z95 * se));
            }
            else
            {
                lower[point] = double.NaN;
                upper[point] = double.NaN;
            }

            atRisk[point] = n;
            eventCounts[point] = d;
            censoredCounts[point] = i1 - i0 - d;
            point++;
            remaining -= i1 - i0;
            i0 = i1;
        }

        return new SurvivalCurve(group, rows.Length, times, survival, standardError, lower, upper, atRisk, eventCounts, censoredCounts);
    }
}
