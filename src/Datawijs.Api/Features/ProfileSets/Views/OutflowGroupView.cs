using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The exact outflow of one group (a profile, or one value of the chosen feature).</summary>
public sealed class OutflowGroupView
{
    /// <summary>Set when grouped by profile.</summary>
    public Guid? ProfileId { get; init; }

    /// <summary>Set when grouped by a feature: the declared value.</summary>
    public string? Value { get; init; }

    /// <summary>The profile's name or the value's label, in Dutch and English.</summary>
    public FeatureLabelText Label { get; init; } = new();

    public int Households { get; init; }

    /// <summary>Households that left (the event); the others are still in (censored).</summary>
    public int Events { get; init; }

    /// <summary>The first time the curve is at or below one half; null when it never gets there.</summary>
    public double? Median { get; init; }

    public double? MedianLower { get; init; }

    /// <summary>Null when the upper interval curve never gets to one half.</summary>
    public double? MedianUpper { get; init; }

    public IReadOnlyList<OutflowPointView> Curve { get; init; } = [];
}
