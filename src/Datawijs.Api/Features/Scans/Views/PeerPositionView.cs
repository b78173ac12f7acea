using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans.Views;

/// <summary>
/// Where the scan stands among its peers: other tenants' organisations in the group, never the caller's own.
/// Figures, and the count, are null when they are too few to show.
/// </summary>
public sealed class PeerPositionView
{
    public PeerGroupView Group { get; init; } = new();

    /// <summary>Other tenants' organisations in the group; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public string? WithheldReason { get; init; }

    /// <summary>followers (Volgers), middle-group (Middenmoters) or leaders (Voorlopers).</summary>
    [Datawijs.Api.OpenApi.WireValues("followers", "middle-group", "leaders")]
    public string? Tier { get; init; }

    public string? TierName { get; init; }

    /// <summary>The quartile band of the overall score among the peers (12.5, 37.5, 50, 62.5 or 87.5), judged against the published quartiles.</summary>
    public double? Percentile { get; init; }

    public static PeerPositionView From(PeerBenchmark benchmark, double? overall, Language language)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var position = overall is { } o ? benchmark.Position(o) : null;
        return new PeerPositionView
        {
            Group = PeerGroupView.From(benchmark.Group, language),
            OrganisationCount = benchmark.OrganisationCount,
            Withheld = benchmark.Withheld,
            WithheldReason = benchmark.WithheldReason?.In(language),
            Tier = position is null ? null : Benchmarking.TierId(position.Tier),
            TierName = position?.TierName.In(language),
            Percentile = position?.Percentile,
        };
    }
}
