using System.Net;
using Datawijs.Client;
using Datawijs.Domain.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

/// <summary>Profiles against all residents: the reference population of a dataset, through the generated client.</summary>
public sealed class ReferencePopulationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static SetReferencePopulationDatasetRequest Request(int clients)
    {
        var residents = FoodBankResidents.Generate(clients, 2025);
        return new SetReferencePopulationDatasetRequest
        {
            Source = residents.Source,
            Year = residents.Year,
            Households = residents.Households,
            Categorical = residents.Categorical,
            Numeric = residents.Numeric.ToDictionary(
                kv => kv.Key, kv => (IReadOnlyList<ReferenceBandInput>)kv.Value.Select(b => new ReferenceBandInput { Min = b.Min, Max = b.Max, Households = b.Households }).ToList()),
        };
    }

    [Fact]
    public async Task A_reference_population_gives_the_clients_share_and_highlights_against_all_residents()
    {
        var tenant = ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(300)))).StatusCode);
        var valid = Request(300);

        // Inconsistent figures are refused with every problem named, and nothing is stored.
        var wrong = valid with
        {
            Year = 1980,
            Households = 200,
            Categorical = new Dictionary<string, IReadOnlyDictionary<string, int>>(valid.Categorical!)
            {
                ["housing"] = new Dictionary<string, int> { ["owner"] = 100, ["rent"] = 100 },
                ["migrationBackground"] = new Dictionary<string, int> { ["dutch"] = 100, ["western"] = 50, ["nonWestern"] = 50 },
            },
        };
        var refused = await client.Datasets.SetReferencePopulationAsync(dataset.Id, wrong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = refused.Problem()!.InvalidParams!;
        Assert.Contains(problems, p => p is { Name: "year", Code: "reference-year-out-of-range" });
        Assert.Contains(problems, p => p is { Name: "households", Code: "reference-households-too-few" });
        Assert.Contains(problems, p => p is { Name: "categorical.housing.rentWithAllowance", Code: "reference-value-missing" });
        Assert.Contains(problems, p => p is { Name: "categorical.migrationBackground", Code: "reference-feature-not-allowed" });
        Assert.Null((await client.Datasets.GetDatasetAsync(dataset.Id)).Content!.ReferencePopulation);
        var empty = await client.Datasets.SetReferencePopulationAsync(dataset.Id, valid with
        {
            Categorical = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["youthCare"] = null! },
            Numeric = new Dictionary<string, IReadOnlyList<ReferenceBandInput>> { ["age"] = null! },
        });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains(empty.Problem()!.InvalidParams!, p => p is { Name: "categorical.youthCare.yes", Code: "reference-value-missing" });
        Assert.Contains(empty.Problem()!.InvalidParams!, p => p is { Name: "numeric.age", Code: "reference-bands-empty" });
        var nullBand = await client.Datasets.SetReferencePopulationAsync(dataset.Id, valid with
        {
            Numeric = new Dictionary<string, IReadOnlyList<ReferenceBandInput>> { ["age"] = [null!] },
        });
        Assert.Equal(HttpStatusCode.BadRequest, nullBand.StatusCode);
        Assert.Contains(nullBand.Problem()!.InvalidParams!, p => p is { Name: "numeric.age[0]", Code: "required" });
        Assert.Equal(HttpStatusCode.NotFound, (await client.Datasets.SetReferencePopulationAsync(Guid.NewGuid(), valid)).StatusCode);

        var stored = await client.Datasets.SetReferencePopulationAsync(dataset.Id, valid);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var reference = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!.ReferencePopulation!;
        Assert.Equal((valid.Source, 2025, 17_821), (reference.Source, reference.Year, reference.Households));
        Assert.Equal(1.7, reference.ClientSharePercent);
        Assert.Equal(valid.Categorical!["housing"]["owner"], reference.Categorical["housing"]["owner"]);
        Assert.Equal(3, reference.Numeric["children"].Count);

        // A PUT replaces the whole reference population.
        var smaller = valid with { Categorical = null, Numeric = null, Households = 30_000 };
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.SetReferencePopulationAsync(dataset.Id, smaller)).StatusCode);
        var replaced = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!.ReferencePopulation!;
        Assert.Empty(replaced.Categorical);
        Assert.Equal(1.0, replaced.ClientSharePercent);
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.SetReferencePopulationAsync(dataset.Id, valid)).StatusCode);

        // The food-bank clients differ from all residents: a rented home with housing allowance is rare in the
        // municipality, so profiles say what is more frequent in them than among all residents, as a lift only.
        var clustering = await ClusteringTests.FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        Assert.Equal((valid.Source, 17_821), (draft.View.Residents!.Source, draft.View.Residents.Households));
        var highlights = draft.View.Profiles.SelectMany(p => p.MoreFrequentThanAmongResidents).ToList();
        Assert.Contains(highlights, h => h.Feature == "housing" && h.Value == "rentWithAllowance");
        Assert.All(highlights, h => Assert.True(h.Lift > 1));
        Assert.DoesNotContain(highlights, h => h.Feature == "migrationBackground");
        Assert.All(draft.View.Profiles, p => Assert.Equal(p.MoreFrequentThanAmongResidents.OrderByDescending(h => h.Lift).Select(h => h.Lift), p.MoreFrequentThanAmongResidents.Select(h => h.Lift)));

        // Deleting the dataset takes its reference population with it.
        Assert.Equal(HttpStatusCode.NoContent, (await client.Datasets.DeleteDatasetAsync(dataset.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Datasets.GetDatasetAsync(dataset.Id)).StatusCode);
    }

    [Fact]
    public async Task The_demo_publishes_its_profiles_against_its_synthetic_residents()
    {
        var slug = ApiFixture.NewTenant();
        var client = await api.ClientAsync(slug);
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        Assert.True(await api.Host.Services.GetRequiredService<Datawijs.Api.Demo.DemoProfiles>().EnsureAsync(tenant.Id));

        var dataset = (await client.Datasets.ListDatasetsAsync()).Content!.Items.Single();
        Assert.Equal(59_403, dataset.ReferencePopulation!.Households);
        Assert.Equal(1.7, dataset.ReferencePopulation.ClientSharePercent);
        var view = (await client.PublicProfiles.GetPublicProfileSetAsync(slug)).Content!.View;
        Assert.Equal(59_403, view.Residents!.Households);
        Assert.Contains(view.Profiles, p => p.MoreFrequentThanAmongResidents.Any(h => h.Feature == "benefitType" && h.Value == "socialAssistance"));
    }
}
