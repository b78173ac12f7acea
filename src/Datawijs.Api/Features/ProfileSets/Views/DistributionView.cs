using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

public sealed class DistributionView
{
    public string Feature { get; init; } = "";

    /// <summary>What people read for the feature (nl and en): its declared label, else the name.</summary>
    public FeatureLabelText? Label { get; init; }

    /// <summary>clustering, descriptive or protected.</summary>
    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected")]
    public string Role { get; init; } = "";

    public IReadOnlyList<PublishedCellView> Cells { get; init; } = [];
}
