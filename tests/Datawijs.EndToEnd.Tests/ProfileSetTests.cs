using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

public sealed class ProfileSetTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(DatawijsClient Client, string Tenant, Dataset Dataset, ProfileSet Draft)> DraftAsync(int households = 300)
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, households);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        var created = await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, tenant, dataset, created.Content!);
    }

    private static async Task NameEveryProfileAsync(DatawijsClient client, ProfileSet set)
    {
        foreach (var profile in set.View.Profiles)
        {
            var named = await client.ProfileSets.UpdateProfileAsync(set.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            });
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }
    }

    [Fact]
    public async Task Dataset_to_clustering_to_profile_set_to_naming_to_publication_to_public_view()
    {
        var (client, tenant, _, draft) = await DraftAsync();
        Assert.Equal(ProfileSetStatus.Draft, draft.Status);
        Assert.Equal(5, draft.View.Profiles.Count);
        Assert.True(draft.Disclosure.Publishable);
        Assert.Contains(draft.PublicationBlockers, b => b.Code == "unnamed");
        Assert.Equal(300, draft.View.Method.Households);
        Assert.Equal(["migrationBackground"], draft.View.Method.ProtectedFeatures.Select(f => f.Name));
        Assert.DoesNotContain(draft.View.Method.ClusteringFeatures, f => f.Name == "migrationBackground");
        Assert.All(draft.View.Profiles, p => Assert.True(p.Households >= 10 && p.Households % 5 == 0));
        Assert.All(draft.View.Profiles, p => Assert.NotEmpty(p.Protected));
        Assert.Contains(draft.View.Profiles, p => p.RelativelyMoreFrequent.Count > 0);
        var shownCounts = draft.View.Profiles.SelectMany(p => p.Categorical.Concat(p.Protected)).SelectMany(d => d.Cells).Where(c => !c.Suppressed).ToList();
        Assert.All(shownCounts, c => Assert.True(c.Households >= 10 && c.Households % 5 == 0 && c.SharePercent is > 0 and < 100));

        await NameEveryProfileAsync(client, draft);
        var published = await client.ProfileSets.PublishProfileSetAsync(draft.Id);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(ProfileSetStatus.Published, published.Content!.Status);
        Assert.Empty(published.Content.PublicationBlockers);
        var view = await client.PublicProfiles.GetPublicProfileSetAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(draft.Id, view.Content!.ProfileSetId);
        Assert.Equal(["Groep 1", "Groep 2", "Groep 3", "Groep 4", "Groep 5"], view.Content.View.Profiles.Select(p => p.Name.Nl));
        Assert.Equal("Group 2", view.Content.View.Profiles[1].Name.En);
        Assert.Equal(5, view.Content.View.Method.K);
        Assert.Equal(10, view.Content.View.Method.DisclosureRules.MinimumCount);
        Assert.NotNull(view.Content.View.Population);

        var rename = await client.ProfileSets.UpdateProfileAsync(draft.Id, draft.View.Profiles[0].Id, new UpdateProfileRequest { Name = new ProfileTextInput { Nl = "Anders" } });
        Assert.Equal(HttpStatusCode.Conflict, rename.StatusCode);
        Assert.Equal("Groep 1", (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!.View.Profiles[0].Name.Nl);

        var retired = await client.ProfileSets.RetireProfileSetAsync(draft.Id);
        Assert.Equal(ProfileSetStatus.Retired, retired.Content!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.ProfileSets.RetireProfileSetAsync(draft.Id)).StatusCode);
    }

    [Fact]
    public async Task Publishing_an_unnamed_set_gives_409_with_every_blocker()
    {
        var (client, tenant, _, draft) = await DraftAsync(200);

        var refused = await client.ProfileSets.PublishProfileSetAsync(draft.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = refused.Problem()!;
        Assert.Equal("publication-blocked", problem.Code);
        Assert.Contains(problem.InvalidParams!, p => p.Name == "profiles[1]" && p.Code == "unnamed");
        Assert.Contains(problem.InvalidParams!, p => p.Name == "profiles[5]" && p.Code == "undescribed");
        Assert.Equal(ProfileSetStatus.Draft, (await client.ProfileSets.GetProfileSetAsync(draft.Id)).Content!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);
    }

    // A one-profile set used to publish, and then every advice of the tenant answered 500.
    [Fact]
    public async Task A_set_of_one_profile_cannot_be_published()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 60);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 1, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        Assert.Single(draft.View.Profiles);
        Assert.Contains(draft.PublicationBlockers, b => b.Code == "too-few-profiles");
        await NameEveryProfileAsync(client, draft);

        var refused = await client.ProfileSets.PublishProfileSetAsync(draft.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("too-few-profiles", Assert.Single(refused.Problem()!.InvalidParams!, p => p.Name == "profileSet").Code);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);
    }

    [Fact]
    public async Task Publishing_a_new_set_retires_the_previous_one()
    {
        var (client, tenant, dataset, first) = await DraftAsync(200);
        await NameEveryProfileAsync(client, first);
        await client.ProfileSets.PublishProfileSetAsync(first.Id);
        var again = await ClusteringTests.FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 4, Seed = 9 })).Content!.Id);
        var second = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = again.Id })).Content!;
        await NameEveryProfileAsync(client, second);

        Assert.Equal(first.Id, await CurrentInRegisterAsync(client, tenant));
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(second.Id)).StatusCode);

        Assert.Equal(ProfileSetStatus.Retired, (await client.ProfileSets.GetProfileSetAsync(first.Id)).Content!.Status);
        Assert.Equal(second.Id, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!.ProfileSetId);
        Assert.Equal(second.Id, await CurrentInRegisterAsync(client, tenant));
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.RetireProfileSetAsync(second.Id)).StatusCode);
        Assert.Null(await CurrentInRegisterAsync(client, tenant));
    }

    // The register entry reads the current set through the process's remembered copy: a change must show at once.
    private static async Task<Guid?> CurrentInRegisterAsync(DatawijsClient client, string tenant)
    {
        var entry = await client.Public.GetPublicAlgorithmAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        return entry.Content!.ProfileSet?.Id;
    }

    [Fact]
    public async Task Another_tenant_gets_404_and_delete_of_the_dataset_leaves_nothing_behind()
    {
        var (client, tenant, dataset, draft) = await DraftAsync(100);
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var profileId = draft.View.Profiles[0].Id;

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ProfileSets.GetProfileSetAsync(draft.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ProfileSets.UpdateProfileAsync(draft.Id, profileId, new UpdateProfileRequest { Name = new ProfileTextInput { Nl = "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ProfileSets.RetireProfileSetAsync(draft.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = draft.ClusteringId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Clusterings.GetClusteringAsync(draft.ClusteringId)).StatusCode);
        await NameEveryProfileAsync(client, draft);
        await client.ProfileSets.PublishProfileSetAsync(draft.Id);
        Assert.Equal(HttpStatusCode.OK, (await stranger.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);
        Assert.Equal(draft.Id, await CurrentInRegisterAsync(client, tenant));

        Assert.Equal(HttpStatusCode.NoContent, (await client.Datasets.DeleteDatasetAsync(dataset.Id)).StatusCode);

        Assert.Null(await CurrentInRegisterAsync(client, tenant));

        Assert.Equal(HttpStatusCode.NotFound, (await client.ProfileSets.GetProfileSetAsync(draft.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Clusterings.GetClusteringAsync(draft.ClusteringId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);
        Assert.Equal(0, await api.Host.CountRecordsAsync(dataset.Id));
        Assert.Equal(0, await api.Host.CountRowsAsync("clusterings", "dataset_id", dataset.Id));
        Assert.Equal(0, await api.Host.CountRowsAsync("profile_sets", "dataset_id", dataset.Id));
        Assert.Equal(0, await api.Host.CountRowsAsync("profiles", "profile_set_id", draft.Id));
    }
}
