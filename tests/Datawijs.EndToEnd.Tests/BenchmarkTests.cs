using System.Net;
using System.Text.Json;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>Benchmarks across tenants, in a host of their own so no other test's scans count.</summary>
public sealed class BenchmarkTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const ModelId QuickModel = ModelId.DmmQuickV1;

    internal static async Task<(DatawijsClient Client, Guid Organisation, Guid Scan)> ScannedOrganisationAsync(ApiFixture api, IReadOnlyList<string> questions, int value)
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var organisation = (await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            Name = "Gemeente " + value, Kind = OrganisationKind.Municipality, Inhabitants = 30_000 + value,
        })).Content!;
        var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = QuickModel })).Content!;
        await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest
        {
            Answers = questions.Select(q => new QuestionAnswer { QuestionId = q, Value = value }).ToList(),
        });
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.CompleteScanAsync(scan.Id)).StatusCode);
        return (client, organisation.Id, scan.Id);
    }

    [Fact]
    public async Task Peers_across_tenants_form_tiers_only_from_five_other_organisations_and_stay_anonymous()
    {
        var reader = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = (await reader.MaturityModels.GetMaturityModelAsync("dmm-quick-v1")).Content!.Categories.SelectMany(c => c.Questions).Select(q => q.Id).ToList();
        var scanned = new List<(DatawijsClient Client, Guid Organisation, Guid Scan)>();
        for (var value = 1; value <= 4; value++)
        {
            scanned.Add(await ScannedOrganisationAsync(api, questions, value));
        }

        var small = (await reader.Benchmarks.GetBenchmarkAsync(QuickModel)).Content!;
        Assert.True(small.Withheld);
        Assert.Null(small.OrganisationCount);
        Assert.Equal(5, small.MinimumGroupSize);
        Assert.Equal(3, small.MinimumTenantCount);
        Assert.Contains("5", small.WithheldReason, StringComparison.Ordinal);
        Assert.Null(small.Tiers);
        Assert.Null(small.Overall);
        Assert.Empty(small.Categories);
        Assert.True((await scanned[0].Client.Scans.GetScanScoreAsync(scanned[0].Scan)).Content!.Peer.Withheld);

        scanned.Add(await ScannedOrganisationAsync(api, questions, 5));

        var response = await reader.Benchmarks.GetBenchmarkAsync(QuickModel, group: "all", acceptLanguage: "en");
        var benchmark = response.Content!;
        Assert.False(benchmark.Withheld);
        Assert.Equal(5, benchmark.OrganisationCount);
        // 2.333… and 3.666…, published rounded to 0.1.
        Assert.Equal(2.3, benchmark.Tiers!.LowerTertile);
        Assert.Equal(3.7, benchmark.Tiers.UpperTertile);
        Assert.Equal((2.0, 3.0, 4.0), (benchmark.Overall!.Q1, benchmark.Overall.Median, benchmark.Overall.Q3));
        Assert.All(benchmark.Categories, c => Assert.Equal(3.0, c.Quartiles!.Median));
        Assert.Equal("All organisations", benchmark.Group.Name);
        var published = JsonSerializer.Serialize(benchmark);
        Assert.All(scanned, s =>
        {
            Assert.DoesNotContain(s.Organisation.ToString(), published, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(s.Scan.ToString(), published, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("Gemeente", published, StringComparison.Ordinal);

        // A member of the five sees only the four others: withheld. A sixth organisation (of a sixth tenant) shows
        // every member its five others.
        var alone = (await scanned[0].Client.Scans.GetScanScoreAsync(scanned[0].Scan)).Content!.Peer;
        Assert.True(alone.Withheld);
        Assert.Null(alone.OrganisationCount);
        scanned.Add(await ScannedOrganisationAsync(api, questions, 3));

        var lowest = (await scanned[0].Client.Scans.GetScanScoreAsync(scanned[0].Scan)).Content!.Peer;
        var middle = (await scanned[2].Client.Scans.GetScanScoreAsync(scanned[2].Scan, group: "kind:municipality")).Content!.Peer;
        var highest = (await scanned[4].Client.Scans.GetScanScoreAsync(scanned[4].Scan, group: "size:20k-50k")).Content!.Peer;
        // Each among its five others: 1 below 2, 3, 3, 4, 5; 3 among 1, 2, 3, 4, 5; 5 above 1, 2, 3, 3, 4. The percentile
        // is the quartile band: below the first quartile 12.5, on the median 50, above the third quartile 87.5.
        Assert.Equal((Tier.Followers, 12.5, 5), (lowest.Tier, lowest.Percentile!.Value, lowest.OrganisationCount));
        Assert.Equal((Tier.MiddleGroup, 50.0), (middle.Tier, middle.Percentile!.Value));
        Assert.Equal("Middenmoters", middle.TierName);
        Assert.Equal((Tier.Leaders, 87.5), (highest.Tier, highest.Percentile!.Value));

        var advice = (await scanned[0].Client.Scans.GetScanRecommendationsAsync(scanned[0].Scan)).Content!;
        Assert.All(advice.Items, r => Assert.Equal(RecommendationReason.BelowPeerMedian, r.Reason));
        Assert.All(advice.Items, r => Assert.Equal(3.0, r.PeerMedian));

        var partners = (await reader.Benchmarks.GetBenchmarkAsync(QuickModel, group: "kind:partner")).Content!;
        Assert.True(partners.Withheld);
        Assert.Null(partners.OrganisationCount);
        var unknown = await reader.Benchmarks.GetBenchmarkAsync(QuickModel, group: "province:gelderland");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknown-peer-group", unknown.Problem()!.InvalidParams!.Single().Code);
    }
}
