using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// Kept scores and peers, in a host of their own: the scans made here would otherwise count in the
/// exact peer groups of <see cref="BenchmarkTests"/>, whichever test runs first.
/// </summary>
public sealed class KeptScoreTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const ModelId QuickModel = ModelId.DmmQuickV1;

    [Fact]
    public async Task Kept_scores_and_peers_follow_organisation_changes_at_once_and_stay_with_their_tenant()
    {
        var reader = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = (await reader.MaturityModels.GetMaturityModelAsync("dmm-quick-v1")).Content!.Categories.SelectMany(c => c.Questions).Select(q => q.Id).ToList();
        var own = await BenchmarkTests.ScannedOrganisationAsync(api, questions, 3);
        var others = new List<(DatawijsClient Client, Guid Organisation, Guid Scan)>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(await BenchmarkTests.ScannedOrganisationAsync(api, questions, 4));
        }

        for (var i = 0; i < 4; i++)
        {
            await others[i].Client.Organisations.UpdateOrganisationAsync(others[i].Organisation, new UpdateOrganisationRequest { Kind = OrganisationKind.Partner });
        }

        var before = (await own.Client.Scans.GetScanScoreAsync(own.Scan, group: "kind:partner")).Content!.Peer;
        Assert.True(before.Withheld);
        Assert.True((await reader.Benchmarks.GetBenchmarkAsync(QuickModel, group: "kind:partner")).Content!.Withheld);

        // The peers were just read (and kept); a change of kind must count at once, not after a while.
        await others[4].Client.Organisations.UpdateOrganisationAsync(others[4].Organisation, new UpdateOrganisationRequest { Kind = OrganisationKind.Partner });

        Assert.Equal(5, (await own.Client.Scans.GetScanScoreAsync(own.Scan, group: "kind:partner")).Content!.Peer.OrganisationCount);
        Assert.Equal(5, (await reader.Benchmarks.GetBenchmarkAsync(QuickModel, group: "kind:partner")).Content!.OrganisationCount);
        var other = others[0];

        // The kept scan answers its own tenant only.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.Scans.GetScanScoreAsync(own.Scan)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Scans.GetScanRecommendationsAsync(own.Scan)).StatusCode);
    }
}
