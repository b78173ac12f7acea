using System.Diagnostics;
using System.Globalization;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Benchmarks;

/// <summary>One fit in a fresh process: wall time, peak working set and agreement with the planted groups.</summary>
public static class PeakMemory
{
    public static int Run(int rows)
    {
        var data = FoodBankHouseholds.Generate(rows, seed: 42);
        var watch = Stopwatch.StartNew();
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 });
        watch.Stop();
        var ari6 = ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups);
        var planted = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 3, Seed = 42 });
        var ari5 = ClusterAgreement.AdjustedRandIndex(planted.Labels, data.TrueGroups);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows={rows} k=6 restarts=3 fit={watch.Elapsed.TotalSeconds:F2}s peakWorkingSet={process.PeakWorkingSet64 / (1024 * 1024)}MiB ari(k=6)={ari6:F3} ari(k=5, the planted number)={ari5:F3}"));
        return 0;
    }
}
