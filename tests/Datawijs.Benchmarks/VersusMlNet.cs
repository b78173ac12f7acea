using System.Diagnostics;
using System.Globalization;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Benchmarks;

/// <summary>
/// A quick same-run comparison for a busy machine: ML.NET's KMeans (the baseline of
/// <see cref="KPrototypesBenchmarks"/>, same one-hot data) and k-prototypes (k = 6, 3 restarts) fitted
/// turn about, <c>rounds</c> times each after one unmeasured round, and the median of the per-round
/// ratios printed (alternating rounds share the machine's load). Also the ARI against the planted groups.
/// </summary>
public static class VersusMlNet
{
    public static int Run(int rows, int rounds)
    {
        var benchmark = new KPrototypesBenchmarks { Rows = rows };
        benchmark.Setup();
        var data = FoodBankHouseholds.Generate(rows, seed: 42);
        benchmark.MlNetKMeans();
        benchmark.KPrototypesFit();
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            benchmark.MlNetKMeans();
            var mlNet = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            benchmark.KPrototypesFit();
            var ours = watch.Elapsed.TotalMilliseconds;
            ratios.Add(ours / mlNet);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: ML.NET {mlNet:F0} ms, k-prototypes {ours:F0} ms, ratio {ours / mlNet:F2}"));
        }

        ratios.Sort();
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 });
        var planted = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 3, Seed = 42 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows={rows} median ratio k-prototypes/ML.NET={ratios[ratios.Count / 2]:F2} (goal <= 1.0) ari(k=6)={ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups):F3} ari(k=5)={ClusterAgreement.AdjustedRandIndex(planted.Labels, data.TrueGroups):F3}"));
        return 0;
    }
}
