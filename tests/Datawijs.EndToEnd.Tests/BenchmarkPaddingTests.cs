using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// A tenant that fills a peer group with organisations of its own must not learn the scores of the
/// one or few other organisations in it. In a host of its own, so no other test's scans count.
/// </summary>
public sealed class BenchmarkPaddingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string QuickModel = "dmm-quick-v1";

    private static async Task<Guid> CompletedScanAsync(DatawijsClient client, IReadOnlyList<string> questions, int value, int inhabitants)
    {
        var organisation = (await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            Name = "Gemeente Proef " + inhabitants, Kind = "municipality", Inhabitants = inhabitants,
        })).Content!;
        var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = QuickModel })).Content!;
        await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest
        {
            Answers = questions.Select(q => new QuestionAnswer { QuestionId = q, Value = value }).ToList(),
        });
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.CompleteScanAsync(scan.Id)).StatusCode);
        return scan.Id;
    }

    [Fact]
    public async Task Padding_a_peer_group_with_own_organisations_does_not_reveal_another_tenants_scores()
    {
        var victim = await api.ClientAsync(ApiFixture.NewTenant());
        var attacker = await api.ClientAsync(ApiFixture.NewTenant());
        var bystander = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = (await victim.MaturityModels.GetMaturityModelAsync(QuickModel)).Content!.Categories
            .SelectMany(c => c.Questions).Select(q => q.Id).ToList();

        var victimScan = await CompletedScanAsync(victim, questions, 5, 3_000);
        var attackerScans = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            attackerScans.Add(await CompletedScanAsync(attacker, questions, 1, 1_000 + i));
        }

        var seenByAttacker = (await attacker.Benchmarks.GetBenchmarkAsync(QuickModel, group: "size:lt-5k", acceptLanguage: "en")).Content!;
        Assert.True(seenByAttacker.Withheld);
        Assert.Null(seenByAttacker.Overall);
        Assert.Null(seenByAttacker.Tiers);
        Assert.Empty(seenByAttacker.Categories);
        Assert.Contains("Your own organisations count as one", seenByAttacker.WithheldReason, StringComparison.Ordinal);
        var attackerPeer = (await attacker.Scans.GetScanScoreAsync(attackerScans[0], group: "size:lt-5k")).Content!.Peer;
        Assert.True(attackerPeer.Withheld);
        Assert.Null(attackerPeer.Percentile);

        // The victim, with one organisation among four others, sees what any member of a group of five sees;
        // so does a third tenant with none in it.
        Assert.False((await victim.Scans.GetScanScoreAsync(victimScan, group: "size:lt-5k")).Content!.Peer.Withheld);
        var seenByBystander = (await bystander.Benchmarks.GetBenchmarkAsync(QuickModel, group: "size:lt-5k")).Content!;
        Assert.False(seenByBystander.Withheld);
        Assert.Equal(5, seenByBystander.OrganisationCount);
        Assert.Equal(1.0, seenByBystander.Overall!.Median);
    }
}
