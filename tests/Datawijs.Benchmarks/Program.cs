using BenchmarkDotNet.Running;
using Datawijs.Benchmarks;

// `peak` runs one k-prototypes fit in this fresh process and reports wall time, peak memory and
// the adjusted Rand index against the planted groups; everything else goes to BenchmarkDotNet.
if (args is ["peak", ..])
{
    return PeakMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
