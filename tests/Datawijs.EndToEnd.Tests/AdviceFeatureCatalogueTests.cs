using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// How an advice client learns what to send: the feature catalogue of the published set (its own endpoint and the
/// public view), and whole-number features refusing fractions on upload and in an advice request.
/// </summary>
public sealed class AdviceFeatureCatalogueTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_catalogue_lists_exactly_the_features_the_advice_takes_with_values_ranges_and_labels()
    {
        var slug = TestApiHost.CitizenTenant();
        var issued = await api.Host.AddClientAsync(slug);
        var caseWorker = api.ClientFor(issued, userId: "mw-12", userRepresentation: "Medewerker Inkomen");
        var tenant = (await api.Host.FindTenantAsync(slug))!;

        var none = await caseWorker.Assignments.GetAdviceFeaturesAsync();
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("no-published-profile-set", none.Problem()!.Code);

        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));
        var catalogue = (await caseWorker.Assignments.GetAdviceFeaturesAsync()).Content!;
        var published = (await caseWorker.PublicProfiles.GetPublicProfileSetAsync(slug)).Content!;

        Assert.Equal(published.ProfileSetId, catalogue.ProfileSetId);
        var expected = DemoProfiles.Features.Where(f => f.InDistance).Select(f => f.Name).ToList();
        Assert.Equal(expected, catalogue.Features.Select(f => f.Name));
        // Never the protected feature, a descriptive one or the outflow outcome.
        Assert.DoesNotContain(catalogue.Features, f => f.Name == "migrationBackground"
            || Domain.Synthetic.FoodBankOutflow.Features.Any(o => o.Name == f.Name));
        Assert.Equal(expected, published.AdviceFeatures.Select(f => f.Name));

        var children = catalogue.Features.Single(f => f.Name == "children");
        Assert.Equal((AdviceFeatureType.Numeric, true, (double?)0.0, (double?)15.0, false), (children.Type, children.WholeNumber, children.Min, children.Max, children.Mutable));
        Assert.Empty(children.Values);
        var income = catalogue.Features.Single(f => f.Name == "disposableIncome");
        Assert.Equal((AdviceFeatureType.Numeric, false, (Unit?)Unit.Euro, true), (income.Type, income.WholeNumber, income.Unit, income.Mutable));
        var benefit = catalogue.Features.Single(f => f.Name == "benefitType");
        Assert.Equal(AdviceFeatureType.Categorical, benefit.Type);
        Assert.Equal(["none", "unemployment", "socialAssistance", "disability"], benefit.Values.Select(v => v.Value));
        Assert.Equal("bijstandsuitkering", benefit.Values.Single(v => v.Value == "socialAssistance").Label.Nl);
        Assert.Null(benefit.Min);
        Assert.All(catalogue.Features, f => Assert.False(string.IsNullOrEmpty(f.Label.Nl)));

        // What the catalogue says is what the advice accepts: a household built from it gets advice.
        var ask = FoodBankData.Household(3);
        Assert.Equal(catalogue.Features.Select(f => f.Name).Order(), ask.Keys.Order());
        Assert.Equal(HttpStatusCode.Created, (await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("999990019", ask))).StatusCode);
    }

    [Fact]
    public async Task Half_a_child_is_refused_in_an_advice_request_naming_the_feature()
    {
        var slug = TestApiHost.CitizenTenant();
        var issued = await api.Host.AddClientAsync(slug);
        var caseWorker = api.ClientFor(issued, userId: "mw-12", userRepresentation: "Medewerker Inkomen");
        var tenant = (await api.Host.FindTenantAsync(slug))!;
        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id));
        var features = FoodBankData.Household(3);
        features["children"] = 0.5;
        features["age"] = 40.0; // a whole number written with a point is fine

        var refused = await caseWorker.Assignments.CreateAssignmentAsync(FoodBankData.Ask("999990019", features));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = Assert.Single(refused.Problem()!.InvalidParams!);
        Assert.Equal(("features.children", "not-a-whole-number"), (problem.Name, problem.Code));
    }

    [Fact]
    public async Task An_upload_with_a_fraction_for_a_whole_number_is_refused_naming_the_row_and_nothing_is_stored()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        Assert.True(dataset.Features.Single(f => f.Name == "children").WholeNumber);
        Assert.False(dataset.Features.Single(f => f.Name == "disposableIncome").WholeNumber);
        var lines = FoodBankData.Csv(50).Split("\r\n").ToList();
        lines[4] = "client-4,none,15000.5,low,rent,single,1.5,no,no,40,dutch";

        var rejected = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(string.Join("\r\n", lines)));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = Assert.Single(rejected.Problem()!.InvalidParams!);
        Assert.Equal("records[4].children", problem.Name);
        Assert.Contains("whole number", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!.RecordCount);
    }

    [Fact]
    public async Task Only_a_numeric_feature_can_be_declared_a_whole_number()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var declaration = FoodBankData.Declaration();
        declaration = declaration with
        {
            Features = declaration.Features!.Select(f => f.Name == "housing" ? f with { WholeNumber = true } : f).ToList(),
        };

        var refused = await client.Datasets.CreateDatasetAsync(declaration);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var index = declaration.Features.Select(f => f.Name).ToList().IndexOf("housing");
        Assert.Contains(refused.Problem()!.InvalidParams!, p => p.Name == $"features[{index}].wholeNumber" && p.Code == "not-allowed");
    }
}
