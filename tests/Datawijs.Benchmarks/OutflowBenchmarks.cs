using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Datawijs.Domain.Outflow;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Benchmarks;

/// <summary>
/// Outflow analysis over synthetic households in k = 6 groups: sorting once, Kaplan-Meier per group,
/// log-rank and Cox (Efron) on the 8 clustering features of the food-bank demo (14 columns). The baseline
/// in the same run is sorting a copy of the durations, the n log n floor every analysis needs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OutflowBenchmarks
{
    private OutflowInput _input = null!;
    private SurvivalData _data = null!;

    [Params(100_000, 300_000, 1_000_000)]
    public int Households { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = OutflowInput.Generate(Households, seed: 15);
        _data = _input.Data();
    }

    [Benchmark(Baseline = true)]
    public double SortDurations()
    {
        var copy = _input.Durations.ToArray();
        Array.Sort(copy);
        return copy[^1];
    }

    [Benchmark]
    public int SortOnce() => _input.Data().Count;

    [Benchmark]
    public int KaplanMeierPerGroup() => KaplanMeier.Fit(_data).Sum(c => c.Times.Count);

    [Benchmark]
    public double LogRankTest() => LogRank.Test(_data)!.ChiSquare;

    [Benchmark]
    public double CoxEfron() => CoxRegression.Fit(_data, _input.Covariates).LogLikelihood;

    /// <summary>What the outflow endpoint does: sort once, curves, log-rank, hazard ratios.</summary>
    [Benchmark]
    public double All() => OutflowInput.Analyse(_input.Data(), _input.Covariates);
}

/// <summary>Synthetic durations in days (exponential per group, slower with children, censored at a random extract date).</summary>
public sealed record OutflowInput(double[] Durations, bool[] Events, int[] Groups, IReadOnlyList<CoxCovariate> Covariates)
{
    public const int GroupCount = 6;

    public SurvivalData Data() => SurvivalData.Create(Durations, Events, Groups, GroupCount);

    public static double Analyse(SurvivalData data, IReadOnlyList<CoxCovariate> covariates)
    {
        var curves = KaplanMeier.Fit(data);
        var test = LogRank.Test(data);
        var cox = CoxRegression.Fit(data, covariates);
        return curves.Sum(c => c.Median ?? 0) + (test?.ChiSquare ?? 0) + cox.LogLikelihood;
    }

    public static OutflowInput Generate(int households, int seed)
    {
        var synthetic = FoodBankHouseholds.Generate(households, seed);
        var matrix = synthetic.Matrix;
        var children = matrix.Numeric(matrix.IndexOf("children"));
        var planted = synthetic.TrueGroups;
        var random = new Random(seed);
        var durations = new double[households];
        var events = new bool[households];
        var groups = new int[households];
        double[] dailyRate = [1 / 900.0, 1 / 1400.0, 1 / 500.0, 1 / 350.0, 1 / 1100.0, 1 / 700.0];
        for (var i = 0; i < households; i++)
        {
            // Six groups: the five planted ones, the largest split in two.
            var g = planted[i] == 3 && (i & 1) == 0 ? 5 : planted[i];
            groups[i] = g;
            var rate = dailyRate[g] * (children[i] > 0 ? 0.6 : 1);
            var time = Math.Ceiling(-Math.Log(1 - random.NextDouble()) / rate);
            var extract = Math.Ceiling(30 + (random.NextDouble() * 1795));
            events[i] = time <= extract;
            durations[i] = Math.Min(time, extract);
        }

        return new OutflowInput(durations, events, groups, CoxCovariate.FromClusteringFeatures(matrix));
    }
}

/// <summary>
/// `outflow-peak [households]`: the whole analysis once in a fresh process: wall time per step, the CPU time
/// of the process (less sensitive than wall time to other load on a shared machine) and the peak working set.
/// </summary>
public static class OutflowPeak
{
    public static int Run(int households)
    {
        var input = OutflowInput.Generate(households, seed: 15);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var data = input.Data();
        var sorted = watch.Elapsed;
        var curves = KaplanMeier.Fit(data);
        var km = watch.Elapsed;
        var test = LogRank.Test(data);
        var lr = watch.Elapsed;
        var cox = CoxRegression.Fit(data, input.Covariates);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"households={households} k={OutflowInput.GroupCount} columns={cox.Terms.Count} total={watch.Elapsed.TotalSeconds:F2}s cpu={cpu.TotalSeconds:F2}s " +
            $"(sort {sorted.TotalSeconds:F2}s, km {(km - sorted).TotalSeconds:F2}s, log-rank {(lr - km).TotalSeconds:F2}s, cox {(watch.Elapsed - lr).TotalSeconds:F2}s, " +
            $"{cox.Iterations} Newton steps, converged {cox.Converged}) workingSetBefore={before / (1024 * 1024)}MiB peakWorkingSet={process.PeakWorkingSet64 / (1024 * 1024)}MiB " +
            $"points={curves.Sum(c => c.Times.Count)} chiSquare={test?.ChiSquare:F1}"));
        return 0;
    }
}
