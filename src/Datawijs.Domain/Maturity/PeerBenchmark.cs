namespace Datawijs.Domain.Maturity;

/// <summary>
/// The anonymised benchmark of one peer group for one model, as one tenant (the viewer) may see it:
/// over other tenants' organisations only. When they are too few, every figure is null, the count
/// too, and <see cref="WithheldReason"/> says why. Shown figures are rounded to 0.1.
/// </summary>
/// <param name="OrganisationCount">Other tenants' organisations in the group; null when withheld.</param>
public sealed record PeerBenchmark(
    PeerGroup Group,
    string ModelId,
    int? OrganisationCount,
    int MinimumGroupSize,
    int MinimumTenantCount,
    LocalizedText? WithheldReason,
    double? LowerTertile,
    double? UpperTertile,
    Quartiles? Overall,
    IReadOnlyList<CategoryBenchmark> Categories)
{
    public bool Withheld => WithheldReason is not null;

    /// <summary>Peer median per category id (rounded to 0.1), for categories that are shown.</summary>
    public IReadOnlyDictionary<string, double> PeerMedians =>
        Categories.Where(c => c.PeerMedian is not null).ToDictionary(c => c.CategoryId, c => c.PeerMedian!.Value, StringComparer.Ordinal);

    /// <summary>
    /// The tier and percentile of an overall score among the peers. The tier is judged against the
    /// published (rounded) cut-offs, so it agrees with what the viewer sees. Ties: a score exactly on
    /// a cut-off belongs to the middle group, so a group where everyone scores the same is all middle
    /// group. <c>null</c> when the benchmark is withheld.
    /// </summary>
    public PeerPosition? Position(double overallScore)
    {
        if (LowerTertile is not { } lower || UpperTertile is not { } upper || Overall is null)
        {
            return null;
        }

        var tier = PeerBenchmarks.TierOf(overallScore, lower, upper);
        return new PeerPosition(tier, PeerBenchmarks.TierName(tier), QuartileBand(overallScore));
    }

    /// <summary>
    /// Where a score stands against the published quartiles only. An exact rank among the peers would be an
    /// oracle: a tenant that re-scores its own scans step by step sees the rank move at every other
    /// organisation's exact score. Bands of the published quartiles tell nothing the quartiles do not.
    /// </summary>
    private double QuartileBand(double score)
    {
        var (q1, median, q3) = (Overall!.Q1, Overall.Median, Overall.Q3);
        return score < q1 ? 12.5
            : score < median ? 37.5
            : score == median ? 50.0
            : score <= q3 ? 62.5
            : 87.5;
    }
}
