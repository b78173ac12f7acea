namespace Datawijs.Api.Features.ProfileSets.Views;

public sealed class PopulationView
{
    /// <summary>All households of the dataset, rounded to 5.</summary>
    public int Households { get; init; }

    public IReadOnlyList<DistributionView> Categorical { get; init; } = [];

    public IReadOnlyList<MedianView> Medians { get; init; } = [];
}
