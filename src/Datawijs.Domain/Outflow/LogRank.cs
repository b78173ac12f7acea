namespace Datawijs.Domain.Outflow;

/// <summary>
/// The log-rank test of equal outflow over the groups, as R's <c>survdiff</c> with rho = 0: observed and
/// expected events per group, their (hypergeometric) variance, chi-square = (O − E)' V⁻ (O − E) over the
/// groups with expected events &gt; 0 (one left out), df = those groups − 1.
/// </summary>
public static class LogRank
{
    /// <summary>The test, or null when fewer than two groups have expected events (one group, or no events at all): then it is not defined.</summary>
    public static LogRankResult? Test(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var k = data.GroupCount;
        var atRisk = new double[k];
        for (var g = 0; g < k; g++)
        {
            atRisk[g] = data.GroupSizes[g];
        }

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k * k];
        var diedHere = new double[k];
        var leftHere = new double[k];
        var durations = data.Durations;
        var events = data.Events;
        var groups = data.Groups;
        var order = data.Order;
        double total = data.Count;

        var i0 = 0;
        while (i0 < order.Length)
        {
            var time = durations[order[i0]];
            var i1 = i0;
            var d = 0;
            while (i1 < order.Length && durations[order[i1]] == time)
            {
                var row = order[i1];
                leftHere[groups[row]]++;
                if (events[row])
                {
                    diedHere[groups[row]]++;
                    d++;
                }

                i1++;
            }

            if (d > 0)
            {
                var factor = total > 1 ? d * (total - d) / (total - 1) / total : 0;
                for (var g = 0; g < k; g++)
                {
                    observed[g] += diedHere[g];
                    expected[g] += d * atRisk[g] / total;
                    if (factor == 0 || atRisk[g] == 0)
                    {
                        continue;
                    }

                    for (var h = 0; h < k; h++)
                    {
                        variance[(g * k) + h] += factor * atRisk[g] * ((g == h ? 1 : 0) - (atRisk[h] / total));
                    }
                }
            }

            for (var g = 0; g < k; g++)
            {
                atRisk[g] -= leftHere[g];
                total -= leftHere[g];
                leftHere[g] = 0;
                diedHere[g] = 0;
            }

            i0 = i1;
        }

        var tested = Enumerable.Range(0, k).Where(g => expected[g] > 0).ToArray();
        if (tested.Length < 2)
        {
            return null;
        }

        // Leave the first tested group out: V restricted to the groups with expected events has rank m − 1.
        var m = tested.Length - 1;
        var a = new double[m, m];
        var b = new double[m];
        for (var i = 0; i < m; i++)
        {
            var gi = tested[i + 1];
            b[i] = observed[gi] - expected[gi];
            for (var j = 0; j < m; j++)
            {
                a[i, j] = variance[(gi * k) + tested[j + 1]];
            }
        }

        var solution = Solve(a, (double[])b.Clone());
        if (solution is null)
        {
            return null;
        }

        var chiSquare = 0.0;
        for (var i = 0; i < m; i++)
        {
            chiSquare += solution[i] * b[i];
        }

        return new LogRankResult(chiSquare, m, Distributions.ChiSquareUpperTail(chiSquare, m), observed, expected);
    }

    /// <summary>Gaussian elimination with partial pivoting; null when the matrix is singular.</summary>
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) <= scale * 1e-12)
            {
                return null;
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                b[r] -= f * b[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= a[r, c] * x[c];
            }

            x[r] = sum / a[r, r];
        }

        return x;
    }
}
