using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>One value of a feature as it may be shown; every figure is null when suppressed.</summary>
public sealed class PublishedCellView
{
    /// <summary>The value; null = unknown (missing in the data).</summary>
    public string? Value { get; init; }

    /// <summary>What people read for the value (nl and en): its declared label, else the value itself; null for unknown.</summary>
    public FeatureLabelText? ValueLabel { get; init; }

    public bool Suppressed { get; init; }

    /// <summary>Households, rounded to 5.</summary>
    public int? Households { get; init; }

    /// <summary>Share of the profile's households, in whole percent.</summary>
    public int? SharePercent { get; init; }

    /// <summary>Share among all households of the dataset, in whole percent.</summary>
    public int? PopulationSharePercent { get; init; }

    /// <summary>Share in the profile divided by share in the dataset (1 decimal), from the rounded counts; null when the dataset's count of the value is suppressed.</summary>
    public double? Lift { get; init; }

    /// <summary>Relatively more frequent in the profile than in the dataset: by the rounded counts, a higher share and a significant two-proportion z-test (p &lt; 0.05).</summary>
    public bool? RelativelyMoreFrequent { get; init; }
}
