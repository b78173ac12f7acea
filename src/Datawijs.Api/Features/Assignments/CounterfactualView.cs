namespace Datawijs.Api.Features.Assignments;

public sealed class CounterfactualView
{
    public Guid TargetProfileId { get; init; }

    public string TargetProfileName { get; init; } = "";

    /// <summary>The changed features, only mutable ones; with all of them the target profile becomes the nearest.</summary>
    public IReadOnlyList<FeatureChangeView> Changes { get; init; } = [];

    /// <summary>The size of the change in the model's own metric, two decimals.</summary>
    public double ChangeSize { get; init; }
}
