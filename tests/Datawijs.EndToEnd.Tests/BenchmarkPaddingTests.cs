using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// A tenant must not learn other organisations' exact scores from peer figures, by padding a group
/// or by moving its own score. In a host of its own, so no other test's scans count.
/// </summary>
public sealed class BenchmarkPaddingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const ModelId QuickModel = ModelId.DmmQuickV1;
    private const string Group = "size:lt-5k";

    private static async Task<IReadOnlyList<string>> QuestionsAsync(DatawijsClient client) =>
        (await client.MaturityModels.GetMaturityModelAsync("dmm-quick-v1")).Content!.Categories.SelectMany(c => c.Questions).Select(q => q.Id).ToList();

    private static async Task<Guid> OrganisationAsync(DatawijsClient client, int inhabitants) =>
        (await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            Name = "Gemeente Proef " + inhabitants, Kind = OrganisationKind.Municipality, Inhabitants = inhabitants,
        })).Content!.Id;

    /// <summary>Completes a scan in which every question is answered <paramref name="value"/>, so the overall score is exactly that.</summary>
    private static async Task<Guid> CompletedScanAsync(DatawijsClient client, Guid organisation, IReadOnlyList<string> questions, int value)
    {
        var scan = (await client.Scans.CreateScanAsync(organisation, new CreateScanRequest { ModelId = QuickModel })).Content!;
        await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest
        {
            Answers = questions.Select(q => new QuestionAnswer { QuestionId = q, Value = value }).ToList(),
        });
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.CompleteScanAsync(scan.Id)).StatusCode);
        return scan.Id;
    }

    private static IEnumerable<double> Figures(Benchmark benchmark) =>
        benchmark.Overall is { } overall ? [overall.Q1, overall.Median, overall.Q3] : [];

    // The attack: four other tenants have one organisation each; the attacker has one. Its own scan
    // counted as one of the five and its score went into the quartiles, so with its own score at the
    // bottom Q1, median and Q3 were three of the others' exact scores, and with its own score at the
    // top the other three: all four recovered.
    [Fact]
    public async Task A_tenant_cannot_recover_the_other_four_organisations_scores_by_moving_its_own()
    {
        var attacker = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = await QuestionsAsync(attacker);
        var victimScores = new[] { 2.0, 3.0, 4.0, 5.0 };
        var inhabitants = 1_000;
        foreach (var score in victimScores)
        {
            var victim = await api.ClientAsync(ApiFixture.NewTenant());
            await CompletedScanAsync(victim, await OrganisationAsync(victim, inhabitants++), questions, (int)score);
        }

        var own = await OrganisationAsync(attacker, 4_000);
        var seen = new HashSet<double>();
        var views = new List<(Guid Scan, Benchmark Benchmark)>();
        foreach (var ownScore in new[] { 1, 5 })
        {
            var ownScan = await CompletedScanAsync(attacker, own, questions, ownScore);
            var benchmark = (await attacker.Benchmarks.GetBenchmarkAsync(QuickModel, group: Group, acceptLanguage: "en")).Content!;
            seen.UnionWith(Figures(benchmark));
            views.Add((ownScan, benchmark));
        }

        Assert.False(victimScores.All(seen.Contains), "the attacker recovered every other organisation's exact score: " + string.Join(", ", seen.Order()));
        foreach (var (ownScan, benchmark) in views)
        {
            Assert.True(benchmark.Withheld);
            Assert.Null(benchmark.Overall);
            Assert.Null(benchmark.Tiers);
            Assert.Empty(benchmark.Categories);
            Assert.Null(benchmark.OrganisationCount);
            Assert.Contains("fewer than 5", benchmark.WithheldReason, StringComparison.Ordinal);

            var peer = (await attacker.Scans.GetScanScoreAsync(ownScan, group: Group)).Content!.Peer;
            Assert.True(peer.Withheld);
            Assert.Null(peer.Percentile);
            Assert.Null(peer.OrganisationCount);
            Assert.All((await attacker.Scans.GetScanRecommendationsAsync(ownScan, group: Group)).Content!.Items, r => Assert.Null(r.PeerMedian));
        }    }

    [Fact]
    public async Task Padding_a_group_with_own_organisations_neither_shows_it_nor_moves_the_figures()
    {
        var attacker = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = await QuestionsAsync(attacker);
        var others = new[] { await api.ClientAsync(ApiFixture.NewTenant()), await api.ClientAsync(ApiFixture.NewTenant()), await api.ClientAsync(ApiFixture.NewTenant()) };
        const string group = "size:5k-10k";

        // Four organisations of the attacker and five of others, but all five from two tenants: withheld.
        var attackerScans = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            attackerScans.Add(await CompletedScanAsync(attacker, await OrganisationAsync(attacker, 5_000 + i), questions, 1));
        }

        var otherScores = new[] { 2, 3, 3, 4, 5 };
        for (var i = 0; i < 4; i++)
        {
            await CompletedScanAsync(others[i % 2], await OrganisationAsync(others[i % 2], 6_000 + i), questions, otherScores[i]);
        }

        await CompletedScanAsync(others[1], await OrganisationAsync(others[1], 6_100), questions, otherScores[4]);
        var twoTenants = (await attacker.Benchmarks.GetBenchmarkAsync(QuickModel, group: group)).Content!;
        Assert.True(twoTenants.Withheld);
        Assert.Null(twoTenants.OrganisationCount);
        Assert.Equal(5, twoTenants.MinimumGroupSize);
        Assert.Equal(3, twoTenants.MinimumTenantCount);

        // A fifth organisation of a third tenant: shown, over the others only (the attacker's four 1s do not
        // pull the quartiles down; Q3 = 3.75 is published as 3.8), and the attacker's own scans are placed among the others.
        await CompletedScanAsync(others[2], await OrganisationAsync(others[2], 6_200), questions, 3);
        var shown = (await attacker.Benchmarks.GetBenchmarkAsync(QuickModel, group: group)).Content!;
        Assert.False(shown.Withheld);
        Assert.Equal(6, shown.OrganisationCount);
        Assert.Equal((3.0, 3.0, 3.8), (shown.Overall!.Q1, shown.Overall.Median, shown.Overall.Q3));
        var position = (await attacker.Scans.GetScanScoreAsync(attackerScans[0], group: group)).Content!.Peer;
        Assert.Equal((Tier.Followers, 12.5, 6), (position.Tier, position.Percentile, position.OrganisationCount));

        // Another tenant sees the attacker's organisations among its peers, but never its own.
        var seenByOther = (await others[2].Benchmarks.GetBenchmarkAsync(QuickModel, group: group)).Content!;
        Assert.False(seenByOther.Withheld);
        Assert.Equal(9, seenByOther.OrganisationCount);
        Assert.Equal(2.0, seenByOther.Overall!.Median);
    }
}
