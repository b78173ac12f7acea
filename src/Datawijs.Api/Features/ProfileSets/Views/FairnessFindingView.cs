using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One protected group found over-represented in one profile. No figures: they come from exact counts.</summary>
public sealed class FairnessFindingView
{
    public Guid ProfileId { get; init; }

    /// <summary>The profile's number (1, 2, 3...).</summary>
    public int ProfileNumber { get; init; }

    /// <summary>The protected feature, e.g. migrationBackground.</summary>
    public string Feature { get; init; } = "";

    public FeatureLabelText? Label { get; init; }

    /// <summary>The group: a declared value of the feature.</summary>
    public string Value { get; init; } = "";

    public FeatureLabelText? ValueLabel { get; init; }
}
