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
}

/// <summary>The distribution of one category in a peer group; <see cref="Quartiles"/> is null when withheld.</summary>
public sealed record CategoryBenchmark(string CategoryId, int OrganisationCount, Quartiles? Quartiles)
{
    public bool Withheld => Quartiles is null;

    public double? PeerMedian => Quartiles?.Median;
}

/// <summary>Where one scan stands in a peer group.</summary>
/// <param name="Percentile">Mid-rank percentile rank of the overall score, 0–100 (see <see cref="Statistics.PercentileRank"/>).</param>
public sealed record PeerPosition(PeerTier Tier, LocalizedText TierName, double Percentile);

/// <summary>
/// The anonymised benchmark of one peer group for one model. When the group has fewer
/// organisations than the threshold, every figure is null and <see cref="WithheldReason"/> says why.
/// </summary>
public sealed record PeerBenchmark(
    PeerGroup Group,
    string ModelId,
    int OrganisationCount,
    int MinimumGroupSize,
    LocalizedText? WithheldReason,
    double? LowerTertile,
    double? UpperTertile,
    Quartiles? Overall,
    IReadOnlyList<CategoryBenchmark> Categories)
{
    /// <summary>
    /// The sorted overall scores, needed for percentiles. Internal so that serialising a benchmark
    /// never publishes individual organisations' scores.
    /// </summary>
    internal IReadOnlyList<double> OverallScores { get; init; } = [];

    public bool Withheld => WithheldReason is not null;

    /// <summary>Peer median per category id, for categories that are shown.</summary>
    public IReadOnlyDictionary<string, double> PeerMedians =>
        Categories.Where(c => c.PeerMedian is not null).ToDictionary(c => c.CategoryId, c => c.PeerMedian!.Value, StringComparer.Ordinal);

    /// <summary>
    /// The tier and percentile of an overall score. Ties: a score exactly on a tertile cut-off
    /// belongs to the middle group, so a group where everyone scores the same is all middle group.
    /// <c>null</c> when the benchmark is withheld.
    /// </summary>
    public PeerPosition? Position(double overallScore)
    {
        if (LowerTertile is not { } lower || UpperTertile is not { } upper)
        {
            return null;
        }

        var tier = overallScore < lower ? PeerTier.Followers
            : overallScore > upper ? PeerTier.Leaders
            : PeerTier.MiddleGroup;
        return new PeerPosition(tier, PeerBenchmarks.TierName(tier), Statistics.PercentileRank(OverallScores, overallScore));
    }
}

/// <summary>Peer benchmarks: tiers, percentiles and per-category quartiles, pure.</summary>
public static class PeerBenchmarks
{
    /// <summary>DESIGN.md: no figure is shown for a group of fewer than 5 organisations.</summary>
    public const int MinimumGroupSize = 5;

    public static LocalizedText TierName(PeerTier tier) => tier switch
    {
        PeerTier.Followers => new("Volgers", "Followers"),
        PeerTier.MiddleGroup => new("Middenmoters", "Middle group"),
        _ => new("Voorlopers", "Leaders"),
    };

    /// <summary>
    /// Computes the benchmark of <paramref name="group"/> for <paramref name="model"/> from
    /// completed scans. Only scans of that model by organisations in the group count, and only
    /// the latest per organisation (latest <see cref="PeerScan.CompletedAt"/>, then the highest
    /// scan id by ordinal comparison). A category is withheld on its own when fewer than
    /// <paramref name="minimumGroupSize"/> organisations have a score for it.
    /// <para>
    /// With a <paramref name="viewer"/> (the tenant that will see the figures), the viewer's own
    /// organisations count as one towards the threshold: a viewer knows its own organisations' scores,
    /// so a group of many of its own plus a few of another tenant's would give those few away (a tenant
    /// could otherwise add organisations of its own to a group until it passes the threshold). A group
    /// of only the viewer's own organisations is shown: it discloses nobody else.
    /// </para>
    /// </summary>
    public static PeerBenchmark Compute(
        MaturityModel model, PeerGroup group, IEnumerable<PeerScan> scans, int minimumGroupSize = MinimumGroupSize, string? viewer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(scans);
        var modelId = model.Id;
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroupSize, MinimumGroupSize);

        var latest = scans
            .Where(s => string.Equals(s.ModelId, modelId, StringComparison.Ordinal) && group.Includes(s.Organisation))
            .GroupBy(s => s.Organisation.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(s => s.CompletedAt).ThenByDescending(s => s.ScanId, StringComparer.Ordinal).First())
            .ToList();

        // The viewer's own organisations count as one: then a viewer with one organisation in a group of five
        // sees what any member of such a group sees, and a viewer with many sees nothing of fewer than four others.
        bool TooFew(IReadOnlyCollection<PeerScan> counted)
        {
            var others = viewer is null ? counted.Count : counted.Count(s => !string.Equals(s.Organisation.Owner, viewer, StringComparison.Ordinal));
            var own = counted.Count - others;
            return counted.Count < minimumGroupSize || (others > 0 && others + Math.Min(own, 1) < minimumGroupSize);
        }

        if (TooFew(latest))
        {
            var reason = latest.Count < minimumGroupSize
                ? new LocalizedText(
                    $"Deze groep telt minder dan {minimumGroupSize} organisaties. Om organisaties niet herkenbaar te maken, tonen we geen cijfers.",
                    $"This group has fewer than {minimumGroupSize} organisations. To keep organisations unrecognisable, no figures are shown.")
                : new LocalizedText(
                    $"Uw eigen organisaties tellen samen als één. Dan telt deze groep minder dan {minimumGroupSize} organisaties. Om de andere niet herkenbaar te maken, tonen we geen cijfers.",
                    $"Your own organisations count as one, and then this group has fewer than {minimumGroupSize}. To keep the others unrecognisable, no figures are shown.");
            return new PeerBenchmark(group, modelId, latest.Count, minimumGroupSize, reason, null, null, null, []);
        }

        var overall = latest.Select(s => s.Overall).Order().ToList();
        var categories = model.Categories.Select(c => c.Id).Select(id =>
        {
            var scored = latest.Where(s => s.CategoryScores.ContainsKey(id)).ToList();
            return new CategoryBenchmark(id, scored.Count, TooFew(scored) ? null : Quartiles.Of(scored.Select(s => s.CategoryScores[id]).ToList()));
        });

        return new PeerBenchmark(
            group,
            modelId,
            latest.Count,
            minimumGroupSize,
            null,
            Statistics.Quantile(overall, 1.0 / 3.0),
            Statistics.Quantile(overall, 2.0 / 3.0),
            Quartiles.Of(overall),
            MaturityModel.Freeze(categories))
        {
            OverallScores = MaturityModel.Freeze(overall),
        };
    }
}
