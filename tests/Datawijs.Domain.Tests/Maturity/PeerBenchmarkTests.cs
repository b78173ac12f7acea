using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class PeerBenchmarkTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PeerScan Scan(string organisationId, double overall, double? a = null, OrganisationKind kind = OrganisationKind.Municipality, int? inhabitants = 30_000, int day = 0, string modelId = "test-v1")
    {
        var categories = new Dictionary<string, double>(StringComparer.Ordinal) { ["b"] = overall };
        if (a is { } value)
        {
            categories["a"] = value;
        }

        // Every organisation of its own tenant, unless a test says otherwise (see Owned).
        return new PeerScan($"scan-{organisationId}-{day}", new PeerOrganisation(organisationId, kind, inhabitants, "tenant-" + organisationId), modelId, Day.AddDays(day), overall, categories);
    }

    private static PeerScan[] Scores(params double[] overall) => overall.Select((o, i) => Scan($"org{i}", o)).ToArray();

    private const string Viewer = "viewer";

    private static PeerBenchmark Benchmark(IEnumerable<PeerScan> scans, PeerGroup? group = null) =>
        PeerBenchmarks.Compute(TwoCategories, group ?? PeerGroup.All, scans, Viewer);

    [Fact]
    public void Tiers_are_cut_at_the_type_7_tertiles_of_the_overall_score()
    {
        // 2.333… and 3.666…, published rounded to 0.1.
        var benchmark = Benchmark(Scores(1, 2, 3, 4, 5));
        Assert.Equal(2.3, benchmark.LowerTertile);
        Assert.Equal(3.7, benchmark.UpperTertile);
        Assert.Equal(
            [PeerTier.Followers, PeerTier.Followers, PeerTier.MiddleGroup, PeerTier.Leaders, PeerTier.Leaders],
            new[] { 1.0, 2, 3, 4, 5 }.Select(s => benchmark.Position(s)!.Tier));
    }

    [Fact]
    public void A_score_exactly_on_a_tertile_cut_off_belongs_to_the_middle_group()
    {
        // Both tertiles of 1, 2, 2, 2, 5 are exactly 2.
        var benchmark = Benchmark(Scores(1, 2, 2, 2, 5));
        Assert.Equal(2.0, benchmark.LowerTertile);
        Assert.Equal(2.0, benchmark.UpperTertile);
        Assert.Equal(PeerTier.Followers, benchmark.Position(1)!.Tier);
        Assert.Equal(PeerTier.MiddleGroup, benchmark.Position(2)!.Tier);
        Assert.Equal(PeerTier.Leaders, benchmark.Position(5)!.Tier);
    }

    [Fact]
    public void A_group_where_everyone_scores_the_same_is_all_middle_group()
    {
        var benchmark = Benchmark(Scores(3, 3, 3, 3, 3));
        var position = benchmark.Position(3)!;
        Assert.Equal(PeerTier.MiddleGroup, position.Tier);
        Assert.Equal("Middenmoters", position.TierName.Nl);
        Assert.Equal(50.0, position.Percentile);
    }

    [Fact]
    public void Tier_names_are_Volgers_Middenmoters_and_Voorlopers()
    {
        Assert.Equal(["Volgers", "Middenmoters", "Voorlopers"], Enum.GetValues<PeerTier>().Select(t => PeerBenchmarks.TierName(t).Nl));
    }

    [Theory]
    [InlineData(1.9, 12.5)]
    [InlineData(2.0, 37.5)]
    [InlineData(2.9, 37.5)]
    [InlineData(3.0, 50.0)]
    [InlineData(3.1, 62.5)]
    [InlineData(4.0, 62.5)]
    [InlineData(4.1, 87.5)]
    public void The_percentile_is_the_quartile_band_of_the_published_quartiles(double score, double percentile)
    {
        // Quartiles of 1..5: 2, 3, 4.
        Assert.Equal(percentile, Benchmark(Scores(1, 2, 3, 4, 5)).Position(score)!.Percentile, 12);
    }

    [Fact]
    public void Stepping_an_own_score_through_the_range_shows_no_other_organisations_exact_score()
    {
        // The attack: a tenant re-scores its own scans in small steps and watches the percentile. An exact
        // rank moves at every peer's score (here 1.43, 2, 3, 4 and 4.29); bands move at the published quartiles only.
        var benchmark = Benchmark(Scores(10.0 / 7, 2, 3, 4, 30.0 / 7));
        var changes = new List<double>();
        double? last = null;
        for (var step = 0; step <= 500; step++)
        {
            var score = 1 + (step / 100.0);
            var percentile = benchmark.Position(score)!.Percentile;
            if (last is { } before && percentile != before)
            {
                changes.Add(score);
            }

            last = percentile;
        }

        var published = benchmark.Overall!;
        double[] quartiles = [published.Q1, published.Median, published.Q3];
        Assert.NotEmpty(changes);
        Assert.All(changes, at => Assert.Contains(quartiles, q => q >= at - 0.0101 && q <= at + 1e-9));
        Assert.DoesNotContain(changes, at => Math.Abs(at - (10.0 / 7)) < 0.011 || Math.Abs(at - (30.0 / 7)) < 0.011);
    }

    [Fact]
    public void Category_quartiles_use_linear_interpolation_and_are_rounded_to_a_tenth()
    {
        var scans = new[] { 1.0, 2, 4, 8, 9, 10 }.Select((a, i) => Scan($"org{i}", 3, a)).ToArray();
        var a = Benchmark(scans).Categories.Single(c => c.CategoryId == "a");
        // 2.5, 6 and 8.75, the last published as 8.8.
        Assert.Equal(new Quartiles(2.5, 6.0, 8.8), a.Quartiles);
        Assert.Equal(6.0, a.PeerMedian);
        Assert.Equal(6, a.OrganisationCount);
    }

    [Fact]
    public void Peer_medians_are_given_per_category_in_model_order()
    {
        var benchmark = Benchmark(Scores(1, 2, 3, 4, 5).Select(s => s with { CategoryScores = new Dictionary<string, double> { ["a"] = s.Overall + 1, ["b"] = s.Overall } }));
        Assert.Equal(["a", "b"], benchmark.Categories.Select(c => c.CategoryId));
        Assert.Equal(4.0, benchmark.PeerMedians["a"]);
        Assert.Equal(3.0, benchmark.PeerMedians["b"]);
        Assert.Equal(new Quartiles(2, 3, 4), benchmark.Overall);
    }

    [Fact]
    public void A_group_of_four_organisations_is_withheld()
    {
        var benchmark = Benchmark(Scores(1, 2, 3, 4));
        Assert.True(benchmark.Withheld);
        Assert.Null(benchmark.OrganisationCount);
        Assert.Null(benchmark.LowerTertile);
        Assert.Null(benchmark.UpperTertile);
        Assert.Null(benchmark.Overall);
        Assert.Empty(benchmark.Categories);
        Assert.Null(benchmark.Position(3));
        Assert.Contains("5", benchmark.WithheldReason!.Nl, StringComparison.Ordinal);
        Assert.NotEmpty(benchmark.WithheldReason.En);
    }

    [Fact]
    public void A_group_of_five_organisations_is_shown()
    {
        var benchmark = Benchmark(Scores(1, 2, 3, 4, 5));
        Assert.False(benchmark.Withheld);
        Assert.Null(benchmark.WithheldReason);
        Assert.Equal(5, benchmark.OrganisationCount);
        Assert.NotNull(benchmark.Position(3));
    }

    private static PeerScan Owned(string tenant, int index, double overall, double? a = null) =>
        Scan($"{tenant}-org{index}", overall, a) with { Organisation = new PeerOrganisation($"{tenant}-org{index}", OrganisationKind.Municipality, 30_000, tenant) };

    // The attack of the old rule (own organisations counted as one, but all their scores in the quartiles):
    // with its own score at the bottom, then at the top, a tenant with one organisation among four others'
    // read Q1, median and Q3 as the others' exact scores.
    [Fact]
    public void A_viewer_cannot_recover_four_others_scores_by_moving_its_own()
    {
        var others = new[] { 2.2, 3.1, 3.9, 4.6 }.Select((o, i) => Owned("other" + i, 0, o)).ToList();
        var seen = new HashSet<double>();
        foreach (var own in new[] { 1.0, 5.0 })
        {
            var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, others.Append(Owned(Viewer, 0, own)), Viewer);
            Assert.True(benchmark.Withheld);
            Assert.Null(benchmark.OrganisationCount);
            seen.UnionWith(benchmark.Overall is { } q ? [q.Q1, q.Median, q.Q3] : []);
        }

        Assert.Empty(seen);
    }

    [Fact]
    public void The_viewers_own_organisations_never_enter_the_figures_or_the_count()
    {
        var others = Enumerable.Range(0, 5).Select(i => Owned("other" + i, 0, i + 1)).ToList();
        var withOwn = others.Concat(Enumerable.Range(0, 20).Select(i => Owned(Viewer, i, 5))).ToList();
        var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, withOwn, Viewer);
        Assert.Equal(PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, others, Viewer) with { }, benchmark, new SameFigures());
        Assert.Equal(5, benchmark.OrganisationCount);
        Assert.Equal(new Quartiles(2, 3, 4), benchmark.Overall);
        // The viewer's own score is placed among the others only: 5 is above their third quartile (4).
        Assert.Equal(87.5, benchmark.Position(5)!.Percentile);

        // Another tenant sees the viewer's twenty organisations among its peers.
        Assert.Equal(24, PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, withOwn, "other0").OrganisationCount);
    }

    [Theory]
    [InlineData(4, 4, false)] // four others from four tenants: too few organisations
    [InlineData(5, 2, false)] // five others from two tenants: too few tenants
    [InlineData(5, 3, true)]
    [InlineData(7, 3, true)]
    public void Figures_need_five_other_organisations_from_three_other_tenants(int organisations, int tenants, bool shown)
    {
        var scans = Enumerable.Range(0, organisations).Select(i => Owned("other" + (i % tenants), i, i + 1))
            .Concat(Enumerable.Range(0, 10).Select(i => Owned(Viewer, i, 3)));
        var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, Viewer);
        Assert.Equal(!shown, benchmark.Withheld);
        Assert.Equal(shown ? organisations : null, benchmark.OrganisationCount);
        Assert.Equal(5, benchmark.MinimumGroupSize);
        Assert.Equal(3, benchmark.MinimumTenantCount);
        if (!shown)
        {
            Assert.Null(benchmark.Overall);
            Assert.Empty(benchmark.Categories);
            Assert.Null(benchmark.Position(3));
            Assert.Contains("fewer than 5 organisations of others (from at least 3 other tenants)", benchmark.WithheldReason!.En, StringComparison.Ordinal);
            Assert.Contains("minder dan 5", benchmark.WithheldReason.Nl, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Both_thresholds_can_be_raised_but_never_below_five_and_three()
    {
        var scans = Enumerable.Range(0, 6).Select(i => Owned("other" + (i % 3), i, i + 1)).ToList();
        Assert.False(PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, Viewer, new PeerThresholds(6, 3)).Withheld);
        Assert.True(PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, Viewer, new PeerThresholds(7, 3)).Withheld);
        Assert.True(PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, Viewer, new PeerThresholds(6, 4)).Withheld);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeerThresholds(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeerThresholds(5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeerThresholds(5, 6));
    }

    [Fact]
    public void A_category_is_withheld_on_its_own_when_the_others_who_scored_it_are_too_few()
    {
        // Category a is scored by the viewer's five organisations and one other; category b by all ten.
        var scans = Enumerable.Range(0, 5).Select(i => Owned(Viewer, i, 3, a: 2))
            .Concat(Enumerable.Range(0, 5).Select(i => Owned("others" + i, 0, 3, a: i == 0 ? 4 : null)))
            .ToList();
        var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, Viewer);
        Assert.False(benchmark.Withheld);
        var a = benchmark.Categories.Single(c => c.CategoryId == "a");
        Assert.True(a.Withheld);
        Assert.Null(a.OrganisationCount);
        Assert.Equal(5, benchmark.Categories.Single(c => c.CategoryId == "b").OrganisationCount);
    }

    [Fact]
    public void Published_figures_are_rounded_to_a_tenth_and_the_tier_follows_the_published_cut_offs()
    {
        var benchmark = Benchmark(Scores(1.04, 2.26, 3.15, 3.93, 4.71));
        Assert.Equal(new Quartiles(2.3, 3.2, 3.9), benchmark.Overall);
        // Exact tertiles 2.55 and 3.67: published 2.6 and 3.7; a score of 2.58 is a follower by the published cut-off.
        Assert.Equal((2.6, 3.7), (benchmark.LowerTertile!.Value, benchmark.UpperTertile!.Value));
        Assert.Equal(PeerTier.Followers, benchmark.Position(2.58)!.Tier);
        // 2.5 lies between the published first quartile (2.3) and median (3.2).
        Assert.Equal(37.5, benchmark.Position(2.5)!.Percentile);
        Assert.Equal(12.5, benchmark.Position(2.25)!.Percentile);
    }

    private sealed class SameFigures : IEqualityComparer<PeerBenchmark>
    {
        public bool Equals(PeerBenchmark? x, PeerBenchmark? y) =>
            x is not null && y is not null && x.OrganisationCount == y.OrganisationCount && x.Overall == y.Overall
            && x.LowerTertile == y.LowerTertile && x.UpperTertile == y.UpperTertile && x.Categories.SequenceEqual(y.Categories);

        public int GetHashCode(PeerBenchmark obj) => 0;
    }

    [Fact]
    public void Only_the_latest_scan_of_each_organisation_counts()
    {
        // Five scans but four organisations: still withheld.
        var scans = Scores(1, 2, 3, 4).Append(Scan("org0", 5, day: 1)).ToArray();
        Assert.True(Benchmark(scans).Withheld);

        var shown = Benchmark(scans.Append(Scan("org9", 3)));
        Assert.Equal(5, shown.OrganisationCount);
        // org0 counts with its later 5, not its earlier 1: the scores are 2, 3, 3, 4, 5.
        Assert.Equal(3.0, shown.Overall!.Median);
        Assert.Equal(3.0, shown.Overall.Q1);
    }

    [Fact]
    public void Scans_of_another_model_do_not_count()
    {
        var scans = Scores(1, 2, 3, 4).Append(Scan("org9", 5, modelId: "other-v1"));
        Assert.True(Benchmark(scans).Withheld);
    }

    [Fact]
    public void A_category_that_fewer_than_five_organisations_answered_is_withheld_on_its_own()
    {
        var scans = Scores(1, 2, 3, 4).Select(s => s with { CategoryScores = new Dictionary<string, double> { ["a"] = 2, ["b"] = 2 } })
            .Append(Scan("org9", 5));
        var benchmark = Benchmark(scans);
        Assert.False(benchmark.Withheld);
        Assert.True(benchmark.Categories.Single(c => c.CategoryId == "a").Withheld);
        Assert.False(benchmark.Categories.Single(c => c.CategoryId == "b").Withheld);
        Assert.False(benchmark.PeerMedians.ContainsKey("a"));
    }

    [Fact]
    public void A_peer_group_of_one_kind_only_counts_organisations_of_that_kind()
    {
        var scans = Scores(1, 2, 3, 4, 5).Concat([Scan("p1", 1, kind: OrganisationKind.Partner), Scan("p2", 1, kind: OrganisationKind.Partner)]).ToArray();
        Assert.Equal(7, Benchmark(scans).OrganisationCount);
        Assert.Equal(5, Benchmark(scans, PeerGroup.OfKind(OrganisationKind.Municipality)).OrganisationCount);
        Assert.True(Benchmark(scans, PeerGroup.OfKind(OrganisationKind.Partner)).Withheld);
    }

    [Fact]
    public void A_peer_group_of_one_size_class_only_counts_organisations_in_that_class()
    {
        var scans = Scores(1, 2, 3, 4, 5).Concat([Scan("big", 5, inhabitants: 250_000), Scan("unknown", 5, inhabitants: null)]).ToArray();
        var group = PeerGroup.OfSizeClass(MunicipalSizeClasses.For(30_000));
        Assert.Equal("size:20k-50k", group.Id);
        Assert.Equal(5, Benchmark(scans, group).OrganisationCount);
    }

    [Fact]
    public void An_organisation_is_compared_within_all_its_kind_and_its_size_class()
    {
        var groups = PeerGroup.For(new PeerOrganisation("o", OrganisationKind.Department, 120_000, "t"));
        Assert.Equal(["all", "kind:department", "size:100k-150k"], groups.Select(g => g.Id));
        Assert.Equal(["all", "kind:partner"], PeerGroup.For(new PeerOrganisation("o", OrganisationKind.Partner, null, "t")).Select(g => g.Id));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("kind:municipality")]
    [InlineData("kind:other")]
    [InlineData("size:lt-5k")]
    [InlineData("size:gte-250k")]
    public void Peer_group_ids_read_back_into_the_same_group(string id)
    {
        Assert.Equal(id, PeerGroup.Find(id)!.Id);
    }

    [Fact]
    public void An_unknown_peer_group_id_is_not_found()
    {
        Assert.Null(PeerGroup.Find("size:huge"));
        Assert.Null(PeerGroup.Find("region:north"));
    }

    [Fact]
    public void A_benchmark_input_is_built_from_a_stored_score()
    {
        var score = MaturityScorer.Score(TwoCategories, [Respondent("r1", ("b1", 4))]);
        var scan = PeerScan.From("s1", new PeerOrganisation("o", OrganisationKind.Municipality, 1000, "t"), Day, score)!;
        Assert.Equal(4.0, scan.Overall);
        Assert.Equal(["b"], scan.CategoryScores.Keys);
        Assert.Null(PeerScan.From("s2", scan.Organisation, Day, MaturityScorer.Score(TwoCategories, [Respondent("r1")])));
    }
}
