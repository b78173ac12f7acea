namespace Datawijs.Api.Features.Benchmarks.Get;

public sealed class TierCutOffs
{
    public double LowerTertile { get; init; }

    public double UpperTertile { get; init; }
}
