using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A value relatively more frequent in the profile than in the whole dataset.</summary>
public sealed class HighlightView
{
    public string Feature { get; init; } = "";

    /// <summary>What people read for the feature (nl and en): its declared label, else the name.</summary>
    public FeatureLabelText? Label { get; init; }

    public string Value { get; init; } = "";

    /// <summary>What people read for the value (nl and en): its declared label, else the value itself.</summary>
    public FeatureLabelText? ValueLabel { get; init; }

    /// <summary>The value's published lift (from rounded counts). A highlight is only given for a value whose count is shown.</summary>
    public double? Lift { get; init; }
}
