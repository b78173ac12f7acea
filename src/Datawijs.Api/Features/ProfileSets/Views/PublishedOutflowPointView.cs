namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One point of a published curve: the share still in at a coarsened time, its interval, and the households still in rounded to 5 (never fewer than 10).</summary>
public sealed class PublishedOutflowPointView
{
    public double Time { get; init; }

    public double Survival { get; init; }

    public double Lower { get; init; }

    public double Upper { get; init; }

    public int AtRisk { get; init; }
}
