using System.Net;
using Datawijs.Api.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// What a newcomer sees on the first Development start: the demo maturity scans and their peers, in a host
/// of their own (the demo's twenty peer organisations would count in other tests' benchmarks).
/// </summary>
public sealed class DemoMaturityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_demo_scan_shows_a_score_with_peers_roles_progress_a_radar_and_benchmarks_with_tier_medians_at_once()
    {
        var slug = ApiFixture.NewTenant();
        var client = await api.ClientAsync(slug);
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        var demo = api.Host.Services.GetRequiredService<DemoMaturity>();

        Assert.True(await demo.EnsureAsync(tenant.Id));
        // Created once: a restart finds every fixed id and adds nothing.
        Assert.False(await demo.EnsureAsync(tenant.Id));

        var score = (await client.Scans.GetScanScoreAsync(DemoMaturity.ScanId)).Content!;
        Assert.Equal("dmm-full-v2", score.ModelId);
        Assert.False(score.Peer.Withheld);
        Assert.Equal(20, score.Peer.OrganisationCount);
        Assert.NotNull(score.Peer.Tier);
        Assert.NotNull(score.Progress);
        Assert.True(score.Progress!.OverallDelta > 0);

        // Four respondents in four roles; the board and the front office see data quality a level or more apart.
        Assert.Equal(["beleidsmedewerker", "bestuurder", "manager", "uitvoering"], score.Roles.Items.Select(r => r.Role));
        var quality = score.Roles.Categories.Single(c => c.CategoryId == "data-quality");
        Assert.True(quality.RolesDiffer);
        Assert.Contains("bestuurder", quality.Note, StringComparison.Ordinal);
        Assert.Contains("uitvoering", quality.Note, StringComparison.Ordinal);

        var history = (await client.Scans.GetScoreHistoryAsync(DemoMaturity.OrganisationId)).Content!;
        Assert.Equal(2, history.Items.Count);

        var radar = await client.Scans.GetScanRadarChartAsync(DemoMaturity.ScanId);
        Assert.Equal(HttpStatusCode.OK, radar.StatusCode);
        Assert.Contains("stroke-dasharray", radar.Content, StringComparison.Ordinal);

        var benchmark = (await client.Benchmarks.GetBenchmarkAsync(Datawijs.Client.ModelId.DmmFullV2)).Content!;
        Assert.False(benchmark.Withheld);
        Assert.All(benchmark.Categories, c =>
        {
            Assert.Equal([Datawijs.Client.Tier.Followers, Datawijs.Client.Tier.MiddleGroup, Datawijs.Client.Tier.Leaders], c.TierMedians.Select(t => t.Tier));
            Assert.All(c.TierMedians, t => Assert.False(t.Withheld));
            Assert.True(c.TierMedians[0].Median <= c.TierMedians[1].Median && c.TierMedians[1].Median <= c.TierMedians[2].Median);
        });

        var chart = await client.Benchmarks.GetBenchmarkTierMedianChartAsync(Datawijs.Client.ModelId.DmmFullV2, acceptLanguage: "en");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Followers", chart.Content, StringComparison.Ordinal);

        var advice = (await client.Scans.GetScanRecommendationsAsync(DemoMaturity.ScanId)).Content!;
        Assert.Equal("data-quality", advice.Items[0].CategoryId);
        Assert.All(advice.Items, r => Assert.Contains(r.Effort, new[] { Datawijs.Client.Effort.Small, Datawijs.Client.Effort.Medium, Datawijs.Client.Effort.Large }));

        // A peer tenant sees the demo municipality and the other peers, never its own five organisations.
        var peer = await api.ClientAsync(DemoMaturity.PeerTenantSlug(0));
        var seenByPeer = (await peer.Benchmarks.GetBenchmarkAsync(Datawijs.Client.ModelId.DmmFullV2)).Content!;
        Assert.Equal(16, seenByPeer.OrganisationCount);
        Assert.All(seenByPeer.Categories, c => Assert.True(c.TierMedians.Sum(t => t.OrganisationCount ?? 0) <= 16));
    }
}
