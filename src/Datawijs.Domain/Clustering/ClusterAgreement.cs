namespace Datawijs.Domain.Clustering;

/// <summary>Comparing two labelings of the same rows (tests, benchmarks, stability checks).</summary>
public static class ClusterAgreement
{
    /// <summary>
    /// Hubert–Arabie adjusted Rand index: 1 for identical partitions (up to renaming of clusters),
    /// about 0 for chance agreement. Labels must be non-negative.
    /// </summary>
    public static double AdjustedRandIndex(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Both labelings must cover the same rows.", nameof(b));
        }

        var n = a.Length;
        if (n < 2)
        {
            return 1.0;
        }

        var ka = 0;
        var kb = 0;
        for (var i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(a[i], nameof(a));
            ArgumentOutOfRangeException.ThrowIfNegative(b[i], nameof(b));
            ka = Math.Max(ka, a[i] + 1);
            kb = Math.Max(kb, b[i] + 1);
        }

        var table = new long[ka * kb];
        var rows = new long[ka];
        var cols = new long[kb];
        for (var i = 0; i < n; i++)
        {
            table[(a[i] * kb) + b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }

        double index = 0;
        foreach (var c in table)
        {
            index += Pairs(c);
        }

        double sumRows = 0;
        foreach (var r in rows)
        {
            sumRows += Pairs(r);
        }

        double sumCols = 0;
        foreach (var c in cols)
        {
            sumCols += Pairs(c);
        }

        var expected = sumRows * sumCols / Pairs(n);
        var maximum = 0.5 * (sumRows + sumCols);
        var denominator = maximum - expected;
        return denominator == 0 ? 1.0 : (index - expected) / denominator;
    }

    private static double Pairs(long m) => m * (m - 1) / 2.0;
}
