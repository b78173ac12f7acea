using System.Diagnostics;
using System.Globalization;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Benchmarks;

/// <summary>
/// k-prototypes fits (k = 6, 3 restarts) on one thread and on all cores: the process's CPU time and
/// the wall time (median and minimum of the rounds), the iterations of each restart, the cost and
/// the ARI against the planted groups; then the silhouettes to the last digit (k given, and every k
/// when k is chosen), which a speed-up must not change, and the time to describe the six profiles.
/// On a shared machine compare the minima of runs taken turn about.
/// </summary>
public static class KPrototypesCpu
{
    public static int Run(int rows, int rounds)
    {
        var data = FoodBankHouseholds.Generate(rows, seed: 42);
        foreach (var threads in new int?[] { 1, null })
        {
            var options = new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42, MaxDegreeOfParallelism = threads };
            KPrototypes.Fit(data.Matrix, options); // warm-up: tiered JIT
            var cpu = new List<double>();
            var wall = new List<double>();
            ClusteringResult? result = null;
            var iterations = new SortedDictionary<int, int>();
            for (var round = 0; round < rounds; round++)
            {
                iterations.Clear();
                var progress = new Recorder(p =>
                {
                    if (p.Phase == "fitting")
                    {
                        iterations[p.Restart] = Math.Max(iterations.GetValueOrDefault(p.Restart), p.Iteration);
                    }
                });
                using var process = Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = KPrototypes.Fit(data.Matrix, options, progress);
                wall.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            }

            cpu.Sort();
            wall.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows={rows} threads={(threads?.ToString(CultureInfo.InvariantCulture) ?? "all")} cpu median {cpu[cpu.Count / 2]:F0} ms (min {cpu[0]:F0}), wall median {wall[wall.Count / 2]:F0} ms (min {wall[0]:F0}); iterations per restart {string.Join("/", iterations.Values)}; cost {result!.Cost:R}; ari(k=6) {ClusterAgreement.AdjustedRandIndex(result.Labels, data.TrueGroups):F3}"));
        }

        // The silhouettes, to the last bit: a speed-up must not change them.
        var given = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 });
        var chosen = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { KMin = 2, KMax = 8, Restarts = 1, Seed = 42 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"silhouette k=6 given {given.QualityPerK[^1].Silhouette:R}; k chosen {chosen.K}, per k {string.Join(" ", chosen.QualityPerK.Select(q => $"{q.K}:{q.Silhouette:R}"))}"));
        var describe = new List<double>();
        for (var round = 0; round < Math.Max(3, rounds); round++)
        {
            var watch = Stopwatch.StartNew();
            ProfileDescriber.Describe(data.Matrix, given);
            describe.Add(watch.Elapsed.TotalMilliseconds);
        }

        describe.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"describing the 6 profiles: median {describe[describe.Count / 2]:F1} ms (min {describe[0]:F1})"));
        return 0;
    }

    private sealed class Recorder(Action<ClusteringProgress> report) : IProgress<ClusteringProgress>
    {
        public void Report(ClusteringProgress value) => report(value);
    }
}
