namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One step of a Kaplan-Meier curve: from this time on, the share still in (not yet left), its 95 % interval (log) and the households at risk just before it.</summary>
public sealed class OutflowPointView
{
    public double Time { get; init; }

    public double Survival { get; init; }

    /// <summary>Null where the interval is not defined (the share reached 0), as R's NA.</summary>
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public int AtRisk { get; init; }
}
