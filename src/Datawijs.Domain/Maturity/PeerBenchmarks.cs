namespace Datawijs.Domain.Maturity;

/// <summary>Peer benchmarks: tiers, percentiles and per-category quartiles, pure.</summary>
public static class PeerBenchmarks
{
    /// <summary>No figure is shown over fewer than 5 organisations of others.</summary>
    public const int MinimumGroupSize = PeerThresholds.OrganisationsFloor;

    public static LocalizedText TierName(PeerTier tier) => tier switch
    {
        PeerTier.Followers => new("Volgers", "Followers"),
        PeerTier.MiddleGroup => new("Middenmoters", "Middle group"),
        _ => new("Voorlopers", "Leaders"),
    };

    /// <summary>The tier of an overall score against the (published) cut-offs; a score on a cut-off is in the middle group.</summary>
    public static PeerTier TierOf(double overallScore, double lowerTertile, double upperTertile) =>
        overallScore < lowerTertile ? PeerTier.Followers
            : overallScore > upperTertile ? PeerTier.Leaders
            : PeerTier.MiddleGroup;

    /// <summary>A published peer figure: rounded to 0.1, halves away from zero.</summary>
    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Computes the benchmark of <paramref name="group"/> for <paramref name="model"/> as the tenant
    /// <paramref name="viewer"/> may see it. Only scans of that model by organisations in the group
    /// count, only the latest per organisation (latest <see cref="PeerScan.CompletedAt"/>, then the
    /// highest scan id by ordinal comparison), and never the viewer's own organisations: a viewer knows
    /// its own scores, so with them in the quartiles (or counted towards the threshold) it could read
    /// the others' exact scores off the figures by moving or padding its own. The group is shown only
    /// when the others reach <paramref name="thresholds"/> (5 organisations of 3 tenants by default); a
    /// category is withheld on its own when the others who scored it do not.
    /// </summary>
    public static PeerBenchmark Compute(
        MaturityModel model, PeerGroup group, IEnumerable<PeerScan> scans, string viewer, PeerThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(viewer);
        thresholds ??= PeerThresholds.Default;
        var modelId = model.Id;

        var peers = scans
            .Where(s => string.Equals(s.ModelId, modelId, StringComparison.Ordinal)
                && group.Includes(s.Organisation)
                && !string.Equals(s.Organisation.Owner, viewer, StringComparison.Ordinal))
            .GroupBy(s => s.Organisation.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(s => s.CompletedAt).ThenByDescending(s => s.ScanId, StringComparer.Ordinal).First())
            .ToList();

        if (thresholds.TooFew(peers))
        {
            var reason = new LocalizedText(
                $"Deze groep telt minder dan {thresholds.MinimumOrganisations} organisaties van anderen (van ten minste {thresholds.MinimumTenants} andere deelnemers). "
                    + "Om organisaties niet herkenbaar te maken, tonen we geen cijfers. Uw eigen organisaties tellen nooit mee.",
                $"This group has fewer than {thresholds.MinimumOrganisations} organisations of others (from at least {thresholds.MinimumTenants} other tenants). "
                    + "To keep organisations unrecognisable, no figures are shown. Your own organisations are never counted.");
            return new PeerBenchmark(group, modelId, null, thresholds.MinimumOrganisations, thresholds.MinimumTenants, reason, null, null, null, []);
        }

        var overall = peers.Select(s => s.Overall).Order().ToList();
        var lower = Round(Statistics.Quantile(overall, 1.0 / 3.0));
        var upper = Round(Statistics.Quantile(overall, 2.0 / 3.0));

        // A peer's tier is judged against the published cut-offs, as a scan's own tier is.
        var tiers = peers.ToLookup(p => TierOf(p.Overall, lower, upper));
        var categories = model.Categories.Select(c => c.Id).Select(id =>
        {
            var scored = peers.Where(s => s.CategoryScores.ContainsKey(id)).ToList();
            if (thresholds.TooFew(scored))
            {
                return new CategoryBenchmark(id, null, null, []);
            }

            var tierMedians = Enum.GetValues<PeerTier>().Select(tier =>
            {
                var members = tiers[tier].Where(s => s.CategoryScores.ContainsKey(id)).ToList();
                return thresholds.TooFew(members)
                    ? new TierMedian(tier, null, null)
                    : new TierMedian(tier, members.Count, Round(Statistics.Median(members.Select(s => s.CategoryScores[id]).ToList())));
            });
            return new CategoryBenchmark(id, scored.Count, Quartiles.Of(scored.Select(s => s.CategoryScores[id]).ToList()).Published(), MaturityModel.Freeze(tierMedians));
        });

        return new PeerBenchmark(
            group,
            modelId,
            peers.Count,
            thresholds.MinimumOrganisations,
            thresholds.MinimumTenants,
            null,
            lower,
            upper,
            Quartiles.Of(overall).Published(),
            MaturityModel.Freeze(categories));
    }
}
