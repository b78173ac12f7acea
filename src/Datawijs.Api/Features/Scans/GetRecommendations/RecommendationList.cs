using Datawijs.Api.Features.Scans.Views;

namespace Datawijs.Api.Features.Scans.GetRecommendations;

public sealed class RecommendationList
{
    public Guid ScanId { get; init; }

    /// <summary>The group whose medians were used; medians of a withheld group are not used.</summary>
    public PeerGroupView PeerGroup { get; init; } = new();

    public IReadOnlyList<RecommendationView> Items { get; init; } = [];
}
