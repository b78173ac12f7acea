using BenchmarkDotNet.Running;
using Datawijs.Benchmarks;

// `peak` runs one k-prototypes fit in this fresh process and reports wall time, peak memory and
// the adjusted Rand index against the planted groups; `versus-mlnet [rows] [rounds]` fits ML.NET's
// KMeans and k-prototypes turn about and prints the median ratio (see VersusMlNet); `kprototypes-cpu [rows] [rounds]` prints the fit's CPU time on one
// thread and on all cores with the iterations per restart (see KPrototypesCpu); `access-log` measures chained appends against
// plain inserts (see AccessLogAppend); `outflow-peak` runs the outflow analysis once (see OutflowPeak); everything else goes to BenchmarkDotNet.
if (args is ["peak", ..])
{
    return PeakMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

if (args is ["outflow-peak", ..])
{
    return OutflowPeak.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

if (args is ["versus-mlnet", ..])
{
    static int Count(string[] a, int i, int fallback) => a.Length > i ? int.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return VersusMlNet.Run(Count(args, 1, 100_000), Count(args, 2, 5));
}

if (args is ["kprototypes-cpu", ..])
{
    static int Number(string[] a, int i, int fallback) => a.Length > i ? int.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return KPrototypesCpu.Run(Number(args, 1, 100_000), Number(args, 2, 5));
}

if (args is ["access-log", ..])
{
    static int Arg(string[] a, int i, int fallback) => a.Length > i ? int.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await AccessLogAppend.RunAsync(Arg(args, 1, 20_000), Arg(args, 2, 64));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
