namespace Datawijs.Domain.Clustering;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="System.Random"/>
/// because "same data + same seed = same clusters, on every machine" must not depend on the
/// runtime's Random implementation, which is allowed to change between .NET versions.
/// Only integer arithmetic: identical output on every platform.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates the generator for one independent stream (e.g. one k and restart) of a seed.</summary>
    public DeterministicRandom(long seed, ulong streamA = 0, ulong streamB = 0)
    {
        var x = Mix(unchecked((ulong)seed));
        x = Mix(x ^ Mix(streamA + 0x632BE59BD9B4E019UL));
        x = Mix(x ^ Mix(streamB + 0x85157AF5UL));
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive) (multiply-shift; bias below 2^-32, irrelevant here).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Approximately standard normal (Irwin–Hall of 12 uniforms): additions only, so bit-identical everywhere.</summary>
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
