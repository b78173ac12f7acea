using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A numeric feature, shown only as a rounded median (never a minimum or maximum); null = suppressed.</summary>
public sealed class MedianView
{
    public string Feature { get; init; } = "";

    /// <summary>What people read for the feature (nl and en): its declared label, else the name.</summary>
    public FeatureLabelText? Label { get; init; }

    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected")]
    public string Role { get; init; } = "";

    public double? Median { get; init; }

    public double? PopulationMedian { get; init; }
}
