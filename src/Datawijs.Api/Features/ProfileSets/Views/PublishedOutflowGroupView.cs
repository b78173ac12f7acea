using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A profile's published outflow. Withheld: fewer than 10 households, nothing else shown.</summary>
public sealed class PublishedOutflowGroupView
{
    public Guid ProfileId { get; init; }

    /// <summary>The profile's name as published, in Dutch and English.</summary>
    public FeatureLabelText Name { get; init; } = new();

    public bool Withheld { get; init; }

    /// <summary>Rounded to 5; null when withheld.</summary>
    public int? Households { get; init; }

    /// <summary>Households that left, rounded to 5; null below 10.</summary>
    public int? Events { get; init; }

    /// <summary>The first shown time at which at most half are still in (the exact median rounded up to the step); null when the shown curve does not get there.</summary>
    public double? Median { get; init; }

    public double? MedianLower { get; init; }

    public double? MedianUpper { get; init; }

    public IReadOnlyList<PublishedOutflowPointView> Curve { get; init; } = [];

    /// <summary>The first coarsened time not shown because fewer than 10 households were still in; null when the curve is shown to the end.</summary>
    public double? StopsAt { get; init; }
}
