using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class TierMedianTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An organisation of tenant <paramref name="tenant"/> with overall <paramref name="overall"/> and category a at <paramref name="a"/>.</summary>
    private static PeerScan Scan(string organisationId, string tenant, double overall, double? a) =>
        new(
            "scan-" + organisationId,
            new PeerOrganisation(organisationId, OrganisationKind.Municipality, 30_000, tenant),
            "test-v1",
            Day,
            overall,
            a is { } value
                ? new Dictionary<string, double>(StringComparer.Ordinal) { ["a"] = value, ["b"] = overall }
                : new Dictionary<string, double>(StringComparer.Ordinal) { ["b"] = overall });

    /// <summary>Fifteen organisations of three tenants: overall 1.0–1.4 (followers), 3.0–3.4 (middle), 4.6–5.0 (leaders).</summary>
    private static List<PeerScan> FifteenInThreeTiers()
    {
        var scans = new List<PeerScan>();
        var bands = new[] { 1.0, 3.0, 4.6 };
        for (var band = 0; band < 3; band++)
        {
            for (var i = 0; i < 5; i++)
            {
                var overall = bands[band] + (i / 10.0);
                scans.Add(Scan($"o{band}{i}", "t" + (i % 3), overall, a: overall - 0.5));
            }
        }

        return scans;
    }

    [Fact]
    public void Each_tier_gives_the_median_of_each_category_over_its_own_organisations()
    {
        var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, FifteenInThreeTiers(), "viewer");
        var a = benchmark.Categories.Single(c => c.CategoryId == "a");
        Assert.Equal([PeerTier.Followers, PeerTier.MiddleGroup, PeerTier.Leaders], a.TierMedians!.Select(t => t.Tier));
        // Medians of a = overall − 0.5 over 1.0–1.4, 3.0–3.4 and 4.6–5.0: 0.7, 2.7, 4.3.
        Assert.Equal([0.7, 2.7, 4.3], a.TierMedians!.Select(t => t.Median!.Value));
        Assert.Equal([5, 5, 5], a.TierMedians!.Select(t => t.OrganisationCount!.Value));
        var b = benchmark.Categories.Single(c => c.CategoryId == "b");
        Assert.Equal([1.2, 3.2, 4.8], b.TierMedians!.Select(t => t.Median!.Value));
    }

    [Fact]
    public void A_tier_median_is_rounded_to_one_decimal_like_every_peer_figure()
    {
        var scans = FifteenInThreeTiers();
        // Followers' a: 0.5, 0.6, 0.7, 0.8 and 0.95 → median 0.7; make it 0.75 by moving the middle one.
        scans[2] = Scan("o02", "t2", 1.2, a: 0.75);
        var a = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer").Categories.Single(c => c.CategoryId == "a");
        Assert.Equal(0.8, a.TierMedians![0].Median);
    }

    [Fact]
    public void A_tier_with_too_few_organisations_is_withheld_without_a_count()
    {
        var scans = FifteenInThreeTiers();
        // Only four leaders scored category a.
        scans[14] = Scan("o24", "t1", 5.0, a: null);
        var a = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer").Categories.Single(c => c.CategoryId == "a");
        var leaders = a.TierMedians!.Single(t => t.Tier == PeerTier.Leaders);
        Assert.True(leaders.Withheld);
        Assert.Null(leaders.OrganisationCount);
        Assert.False(a.TierMedians!.Single(t => t.Tier == PeerTier.Followers).Withheld);
    }

    [Fact]
    public void A_tier_of_fewer_than_three_other_tenants_is_withheld()
    {
        var scans = FifteenInThreeTiers();
        // The middle group all from tenants t0 and t1.
        for (var i = 5; i < 10; i++)
        {
            scans[i] = Scan(scans[i].Organisation.Id, "t" + (i % 2), scans[i].Overall, scans[i].CategoryScores["a"]);
        }

        var a = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer").Categories.Single(c => c.CategoryId == "a");
        Assert.True(a.TierMedians!.Single(t => t.Tier == PeerTier.MiddleGroup).Withheld);
        Assert.False(a.TierMedians!.Single(t => t.Tier == PeerTier.Leaders).Withheld);
    }

    [Fact]
    public void The_viewers_own_organisations_are_never_in_a_tier()
    {
        var scans = FifteenInThreeTiers();
        // The viewer owns one follower: the followers drop to four others and are withheld.
        scans[0] = Scan("o00", "viewer", 1.0, 0.5);
        var a = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer").Categories.Single(c => c.CategoryId == "a");
        Assert.All(a.TierMedians!.Where(t => !t.Withheld), t => Assert.NotEqual(PeerTier.Followers, t.Tier));
        Assert.True(a.TierMedians!.Single(t => t.Tier == PeerTier.Followers).Withheld);
    }

    [Fact]
    public void Five_organisations_give_the_quartiles_but_no_tier_median()
    {
        var scans = FifteenInThreeTiers().Take(5).Concat(FifteenInThreeTiers().Skip(10).Take(0)).ToList();
        var benchmark = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer");
        var a = benchmark.Categories.Single(c => c.CategoryId == "a");
        Assert.False(a.Withheld);
        Assert.All(a.TierMedians!, t => Assert.True(t.Withheld));
    }

    [Fact]
    public void A_withheld_category_has_no_tier_medians()
    {
        var scans = FifteenInThreeTiers().Select(s => Scan(s.Organisation.Id, s.Organisation.Owner, s.Overall, null)).ToList();
        var a = PeerBenchmarks.Compute(TwoCategories, PeerGroup.All, scans, "viewer").Categories.Single(c => c.CategoryId == "a");
        Assert.True(a.Withheld);
        Assert.Empty(a.TierMedians!);
    }
}

public sealed class TierMedianChartTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PeerBenchmark Fifteen(bool categoryA)
    {
        var scans = Enumerable.Range(0, 15).Select(i =>
        {
            var overall = 1 + (i * 0.25);
            var scores = new Dictionary<string, double>(StringComparer.Ordinal) { ["b"] = overall };
            if (categoryA)
            {
                scores["a"] = overall;
            }

            return new PeerScan($"s{i}", new PeerOrganisation($"o{i}", OrganisationKind.Municipality, 30_000, "t" + (i % 3)), "test-v1", Day, overall, scores);
        });
        return PeerBenchmarks.Compute(TestModels.TwoCategories, PeerGroup.All, scans, "viewer");
    }

    [Fact]
    public void The_chart_is_well_formed_svg_that_repeats_every_figure_for_screen_readers()
    {
        var svg = TierMedianChart.Render(TestModels.TwoCategories, Fifteen(categoryA: true));
        var document = System.Xml.Linq.XDocument.Parse(svg);
        XNamespaceAssert(document);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        var desc = document.Descendants().Single(e => e.Name.LocalName == "desc").Value;
        // b over 1.0, 1.25 … 4.5: cut-offs 2.2 and 3.3, five organisations of three tenants in each tier.
        Assert.Contains("15 organisaties van andere deelnemers", desc, StringComparison.Ordinal);
        Assert.Contains("Volgers 1,5, Middenmoters 2,8, Voorlopers 4,0.", desc, StringComparison.Ordinal);
        // Shape as well as colour tells the tiers apart.
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "circle");
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "rect" && e.Attribute("width")?.Value == "13");
    }

    [Fact]
    public void A_withheld_category_and_a_withheld_group_say_so_in_words()
    {
        var svg = TierMedianChart.Render(TestModels.TwoCategories, Fifteen(categoryA: false), Language.English);
        Assert.Contains("not shown: too few organisations", svg, StringComparison.Ordinal);
        var withheld = PeerBenchmarks.Compute(TestModels.TwoCategories, PeerGroup.All, [], "viewer");
        Assert.Contains("No figures: too few organisations of others", TierMedianChart.Render(TestModels.TwoCategories, withheld, Language.English), StringComparison.Ordinal);
    }

    private static void XNamespaceAssert(System.Xml.Linq.XDocument document) =>
        Assert.Equal("http://www.w3.org/2000/svg", document.Root!.Name.NamespaceName);
}
