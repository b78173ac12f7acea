using FsCheck;
using Microsoft.FSharp.Core;

namespace Datawijs.Domain.Tests;

/// <summary>
/// Property tests run from a fixed seed, so CI is reproducible: a failure seen once is seen
/// every time. Set DATAWIJS_FSCHECK_SEED to explore other seeds locally.
/// </summary>
public static class PropertyRuns
{
    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("DATAWIJS_FSCHECK_SEED"), out var seed) ? seed : 20_261_123UL;

    public static Config With(int maxTest = 100) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    public static void CheckSeeded(this Property property, int maxTest = 100) => Check.One(With(maxTest), property);
}
