using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

public sealed class FeatureUse
{
    public string Name { get; init; } = "";

    /// <summary>What people read for the feature (nl and en): its declared label, else the name.</summary>
    public FeatureLabelText? Label { get; init; }

    [Datawijs.Api.OpenApi.WireValues("categorical", "numeric")]
    public string Type { get; init; } = "";
}
