using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>Publishing again after an append is compared with every earlier publication of the dataset.</summary>
public sealed class PublicationHistoryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static async Task<ProfileSet> NamedSetAsync(DatawijsClient client, Guid clusteringId)
    {
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clusteringId })).Content!;
        foreach (var profile in draft.View.Profiles)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            })).StatusCode);
        }

        return draft;
    }

    private static async Task<Guid> ClusterAsync(DatawijsClient client, Guid datasetId, int k)
    {
        var started = (await client.Clusterings.CreateClusteringAsync(datasetId, new CreateClusteringRequest { K = k, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        return clustering.Id;
    }

    [Fact]
    public async Task Publishing_again_after_appending_a_few_households_is_blocked_with_the_figures_named()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 300);
        var first = await ClusterAsync(client, dataset.Id, 5);
        var firstSet = await NamedSetAsync(client, first);
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(firstSet.Id)).StatusCode);

        // The attack: append 4 households, cluster again, publish. Each figure alone passes the gate, but the
        // difference with the first publication is the 4 new households and their values.
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(4, seed: 99)))).StatusCode);
        foreach (var k in new[] { 5, 4 })
        {
            var again = await NamedSetAsync(client, await ClusterAsync(client, dataset.Id, k));
            var draft = (await client.ProfileSets.GetProfileSetAsync(again.Id)).Content!;
            Assert.True(draft.Disclosure.Publishable);
            Assert.Contains(draft.PublicationBlockers, b => b.Code == "publication-difference" && b.ProfileId is null && b.Reason.StartsWith("The whole dataset, the number of households", StringComparison.Ordinal));
            Assert.Contains(draft.PublicationBlockers, b => b.Code == "publication-difference" && b.ProfileId is null && b.Reason.Contains("the count of", StringComparison.Ordinal));

            var refused = await client.ProfileSets.PublishProfileSetAsync(again.Id);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var blockers = refused.Problem()!.InvalidParams!.Where(p => p.Code == "publication-difference").ToList();
            Assert.Contains(blockers, p => p.Name == "profileSet" && p.Reason.Contains(firstSet.Id.ToString(), StringComparison.Ordinal));
            Assert.All(blockers, p => Assert.Contains("differs by 1 to 9 households from the publication of", p.Reason, StringComparison.Ordinal));
        }

        // The first publication is still the public one.
        Assert.Equal(firstSet.Id, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!.ProfileSetId);

        // A set made from the same clustering again shows exactly the same figures: nothing to derive, so it may be published.
        var same = await NamedSetAsync(client, first);
        var sameDraft = (await client.ProfileSets.GetProfileSetAsync(same.Id)).Content!;
        Assert.DoesNotContain(sameDraft.PublicationBlockers, b => b.Code == "publication-difference");
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(same.Id)).StatusCode);
    }

    [Fact]
    public async Task A_set_published_before_the_history_was_kept_is_compared_too()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 300);
        var first = await NamedSetAsync(client, await ClusterAsync(client, dataset.Id, 5));
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(first.Id)).StatusCode);

        // As if published before migration 0007: the set is there, its history row is not.
        await api.Host.ExecuteSqlAsync($"DELETE FROM profile_publications WHERE profile_set_id = '{first.Id:D}'");
        Assert.Equal(0, await api.Host.CountRowsAsync("profile_publications", "dataset_id", dataset.Id));

        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(3, seed: 5)))).StatusCode);
        var again = await NamedSetAsync(client, await ClusterAsync(client, dataset.Id, 5));
        var refused = await client.ProfileSets.PublishProfileSetAsync(again.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(refused.Problem()!.InvalidParams!, p => p.Code == "publication-difference" && p.Name == "profileSet" && p.Reason.Contains(first.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_dataset_removes_its_publication_history()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 200);
        var set = await NamedSetAsync(client, await ClusterAsync(client, dataset.Id, 3));
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(set.Id)).StatusCode);
        Assert.Equal(1, await api.Host.CountRowsAsync("profile_publications", "profile_set_id", set.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.Datasets.DeleteDatasetAsync(dataset.Id)).StatusCode);

        Assert.Equal(0, await api.Host.CountRowsAsync("profile_publications", "dataset_id", dataset.Id));
    }
}
