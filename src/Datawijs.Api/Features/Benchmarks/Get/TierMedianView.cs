namespace Datawijs.Api.Features.Benchmarks.Get;

/// <summary>
/// The median category score of the organisations in one tier, rounded to 0.1. Withheld, count included, when
/// they are fewer than the group needs (5 organisations of others from 3 other tenants, by default).
/// </summary>
public sealed class TierMedianView
{
    /// <summary>followers (Volgers), middle-group (Middenmoters) or leaders (Voorlopers).</summary>
    [Datawijs.Api.OpenApi.WireValues("followers", "middle-group", "leaders")]
    public string Tier { get; init; } = "";

    public string TierName { get; init; } = "";

    /// <summary>Organisations of the tier with a score for the category; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public double? Median { get; init; }
}
