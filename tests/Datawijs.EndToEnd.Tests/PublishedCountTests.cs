using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// Every count that leaves the API follows the same rules as the profile tables: at least 10 and rounded
/// to 5, with shares and lifts from the rounded counts. A dataset of 303 households shows where an exact
/// figure slips through (303 is no multiple of 5).
/// </summary>
public sealed class PublishedCountTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_register_entry_the_public_profiles_and_the_draft_view_show_only_rounded_counts()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 303);
        var clustering = await ClusteringTests.FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 3, Seed = 3 })).Content!.Id);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        Assert.Equal(305, draft.View.Method.Households);
        foreach (var profile in draft.View.Profiles)
        {
            await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = "Huishoudens die op elkaar lijken.", En = "Households that look alike." },
            });
        }

        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);

        // The register entry: the machine-readable count and the sentence that names it.
        foreach (var language in new[] { "nl", "en" })
        {
            var register = (await client.Public.GetPublicAlgorithmAsync(tenant, acceptLanguage: language)).Content!;
            Assert.Equal(305, register.ProfileSet!.Households);
            Assert.Contains("305", register.SourceData, StringComparison.Ordinal);
            Assert.DoesNotContain("303", register.SourceData + register.MethodsAndModels, StringComparison.Ordinal);
        }

        // The public profiles: every shown count at least 10 and rounded; shares and lifts from the shown counts;
        // highlights only on shown cells.
        var view = (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!.View;
        Assert.Equal(305, view.Method.Households);
        Assert.Equal(305, view.Population!.Households);
        var populationCells = view.Population.Categorical.ToDictionary(d => d.Feature, d => d.Cells);
        foreach (var profile in view.Profiles)
        {
            Assert.True(profile.Households is >= 10 && profile.Households % 5 == 0);
            foreach (var distribution in profile.Categorical.Concat(profile.Protected))
            {
                foreach (var cell in distribution.Cells.Where(c => !c.Suppressed))
                {
                    Assert.True(cell.Households is >= 10 && cell.Households % 5 == 0);
                    Assert.Equal((int)Math.Round(100.0 * cell.Households!.Value / profile.Households!.Value, MidpointRounding.AwayFromZero), cell.SharePercent);
                    var population = populationCells[distribution.Feature].Single(c => c.Value == cell.Value);
                    if (population.Households is { } populationCount)
                    {
                        var lift = (cell.Households.Value / (double)profile.Households.Value) / (populationCount / 305.0);
                        Assert.Equal(Math.Round(lift, 1, MidpointRounding.AwayFromZero), cell.Lift);
                    }
                }
            }

            foreach (var highlight in profile.RelativelyMoreFrequent)
            {
                var cell = profile.Categorical.Single(d => d.Feature == highlight.Feature).Cells.Single(c => c.Value == highlight.Value);
                Assert.False(cell.Suppressed);
                Assert.Equal(cell.Lift, highlight.Lift);
            }
        }
    }
}
