namespace Datawijs.Domain.Maturity;

/// <summary>A completed scan as input for benchmarks.</summary>
/// <param name="CategoryScores">Category id -> score; categories without a score are left out.</param>
public sealed record PeerScan(
    string ScanId,
    PeerOrganisation Organisation,
    string ModelId,
    DateTimeOffset CompletedAt,
    double Overall,
    IReadOnlyDictionary<string, double> CategoryScores)
{
    /// <summary>Builds the benchmark input from a stored score; <c>null</c> when the scan has no overall score.</summary>
    public static PeerScan? From(string scanId, PeerOrganisation organisation, DateTimeOffset completedAt, ScanScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Overall is not { } overall
            ? null
            : new PeerScan(
                scanId,
                organisation,
                score.ModelId,
                completedAt,
                overall,
                score.Categories.Where(c => c.Score is not null).ToDictionary(c => c.CategoryId, c => c.Score!.Value, StringComparer.Ordinal));
    }
}

/// <summary>The three peer tiers, by tertiles of the overall score.</summary>
public enum PeerTier
{
    /// <summary>Volgers: below the lower tertile.</summary>
    Followers,

    /// <summary>Middenmoters: from the lower to the upper tertile, both included.</summary>
    MiddleGroup,

    /// <summary>Voorlopers: above the upper tertile.</summary>
    Leaders,
}

/// <summary>First quartile, median and third quartile (type 7 quantiles).</summary>
public sealed record Quartiles(double Q1, double Median, double Q3)
{
    public static Quartiles Of(IReadOnlyCollection<double> values) =>
        new(Statistics.Quantile(values, 0.25), Statistics.Quantile(values, 0.5), Statistics.Quantile(values, 0.75));

    /// <summary>The quartiles as published: each rounded to 0.1.</summary>
    public Quartiles Published() => new(PeerBenchmarks.Round(Q1), PeerBenchmarks.Round(Median), PeerBenchmarks.Round(Q3));
}

/// <summary>
/// The median category score of the peers in one tier; <see cref="Median"/> and <see cref="OrganisationCount"/>
/// are null when the tier's organisations that scored the category are too few (the same thresholds as the group).
/// </summary>
public sealed record TierMedian(PeerTier Tier, int? OrganisationCount, double? Median)
{
    public bool Withheld => Median is null;
}

/// <summary>
/// The distribution of one category among the peers; <see cref="Quartiles"/> and
/// <see cref="OrganisationCount"/> are null when withheld, so a withheld category tells nobody how many it had.
/// <see cref="TierMedians"/> gives the median of the category in each tier (Volgers, Middenmoters, Voorlopers),
/// each withheld on its own; empty when the category is withheld.
/// </summary>
public sealed record CategoryBenchmark(string CategoryId, int? OrganisationCount, Quartiles? Quartiles, IReadOnlyList<TierMedian>? TierMedians = null)
{
    // Two benchmarks of a category are the same when their figures are, tier medians included.
    public bool Equals(CategoryBenchmark? other) =>
        other is not null && CategoryId == other.CategoryId && OrganisationCount == other.OrganisationCount && Quartiles == other.Quartiles
        && (TierMedians ?? []).SequenceEqual(other.TierMedians ?? []);

    public override int GetHashCode() => HashCode.Combine(CategoryId, OrganisationCount, Quartiles);

    public bool Withheld => Quartiles is null;

    public double? PeerMedian => Quartiles?.Median;
}

/// <summary>Where one scan stands among the peers.</summary>
/// <param name="Percentile">
/// The quartile band of the overall score among the peers, given as its middle: 12.5 (below the first
/// quartile), 37.5 (from the first quartile to the median), 50 (on the median), 62.5 (above the median up
/// to the third quartile) or 87.5 (above the third quartile), judged against the published quartiles.
/// </param>
public sealed record PeerPosition(PeerTier Tier, LocalizedText TierName, double Percentile);

/// <summary>
/// How many peers a figure needs: at least <see cref="MinimumOrganisations"/> organisations of
/// other tenants than the viewer's own, belonging to at least <see cref="MinimumTenants"/> of them.
/// Neither can be set below its floor (5 and 3).
/// </summary>
public sealed record PeerThresholds
{
    public const int OrganisationsFloor = 5;
    public const int TenantsFloor = 3;

    public static PeerThresholds Default { get; } = new(OrganisationsFloor, TenantsFloor);

    public PeerThresholds(int minimumOrganisations, int minimumTenants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumOrganisations, OrganisationsFloor);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumTenants, TenantsFloor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumTenants, minimumOrganisations);
        MinimumOrganisations = minimumOrganisations;
        MinimumTenants = minimumTenants;
    }

    public int MinimumOrganisations { get; }

    public int MinimumTenants { get; }

    /// <summary>True when these peers (all of other tenants) are too few to show a figure over them.</summary>
    public bool TooFew(IReadOnlyCollection<PeerScan> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        return peers.Count < MinimumOrganisations
            || peers.Select(p => p.Organisation.Owner).Distinct(StringComparer.Ordinal).Take(MinimumTenants).Count() < MinimumTenants;
    }
}

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
