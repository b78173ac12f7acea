using System.Net;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// Labels declared with a dataset's features are what people read: in the advice, the citizen's
/// explanation (nl and en), the profile-set views and the public register entry — never the codes.
/// </summary>
public sealed class FeatureLabelTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // Per feature of FoodBankHouseholds: the label (nl, en) and, for categorical features, a label per declared value.
    private static readonly Dictionary<string, ((string Nl, string En) Label, Dictionary<string, (string Nl, string En)>? Values)> Labels = new()
    {
        ["benefitType"] = (("uitkering", "benefit"), new()
        {
            ["none"] = ("geen", "none"),
            ["unemployment"] = ("WW-uitkering", "unemployment benefit"),
            ["socialAssistance"] = ("bijstandsuitkering", "social assistance"),
            ["disability"] = ("arbeidsongeschiktheidsuitkering", "disability benefit"),
        }),
        ["disposableIncome"] = (("besteedbaar inkomen per jaar", "disposable income per year"), null),
        ["education"] = (("opleiding", "education level"), new()
        {
            ["low"] = ("laag opgeleid", "low level"),
            ["middle"] = ("middelbaar opgeleid", "middle level"),
            ["high"] = ("hoog opgeleid", "high level"),
        }),
        ["housing"] = (("woning", "home"), new()
        {
            ["owner"] = ("een eigen huis", "a home you own"),
            ["rent"] = ("een huurhuis", "a rented home"),
            ["rentWithAllowance"] = ("een huurhuis met huurtoeslag", "a rented home with housing allowance"),
        }),
        ["householdType"] = (("soort huishouden", "type of household"), new()
        {
            ["couple"] = ("stel", "couple living together"),
            ["single"] = ("alleenstaand", "living alone"),
            ["singleParent"] = ("alleenstaande ouder", "single parent"),
        }),
        ["children"] = (("aantal kinderen", "number of children"), null),
        ["youthCare"] = (("jeugdzorg in het gezin", "youth care in the family"), new() { ["no"] = ("nee", "none given"), ["yes"] = ("ja", "given") }),
        ["wmoSupport"] = (("hulp via de Wmo", "support under the WMO"), new() { ["no"] = ("nee", "not given"), ["yes"] = ("ja", "received") }),
        ["age"] = (("leeftijd", "age in years"), null),
        ["migrationBackground"] = (("migratieachtergrond", "migration background"), new()
        {
            ["dutch"] = ("Nederlands", "Dutch"),
            ["western"] = ("westers", "Western"),
            ["nonWestern"] = ("niet-westers", "non-Western"),
        }),
    };

    // Codes that must never reach a person once labels are declared (none is part of any label).
    private static readonly string[] Codes =
    [
        "benefitType", "disposableIncome", "householdType", "youthCare", "wmoSupport", "migrationBackground",
        "socialAssistance", "rentWithAllowance", "singleParent", "nonWestern",
    ];

    private static CreateDatasetRequest LabelledDeclaration()
    {
        var plain = FoodBankData.Declaration("Voedselbank met labels (synthetisch)");
        return plain with
        {
            Features = plain.Features!.Select(f => f with
            {
                Label = new FeatureLabelInput { Nl = Labels[f.Name!].Label.Nl, En = Labels[f.Name!].Label.En },
                ValueLabels = Labels[f.Name!].Values?.ToDictionary(v => v.Key, v => new FeatureLabelInput { Nl = v.Value.Nl, En = v.Value.En }),
            }).ToList(),
        };
    }

    [Fact]
    public async Task Declared_labels_replace_the_codes_in_advice_explanation_views_and_register()
    {
        var tenant = Datawijs.Tests.Shared.TestApiHost.CitizenTenant();
        var client = await api.ClientAsync(tenant);

        var created = await client.Datasets.CreateDatasetAsync(LabelledDeclaration());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dataset = (await client.Datasets.GetDatasetAsync(created.Content!.Id)).Content!;
        var benefit = dataset.Features.Single(f => f.Name == "benefitType");
        Assert.Equal(("uitkering", "benefit"), (benefit.Label!.Nl, benefit.Label.En));
        Assert.Equal("bijstandsuitkering", benefit.ValueLabels!["socialAssistance"].Nl);
        Assert.Equal("disposable income per year", dataset.Features.Single(f => f.Name == "disposableIncome").Label!.En);
        Assert.Null(dataset.Features.Single(f => f.Name == "age").ValueLabels);

        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(300)))).StatusCode);
        var clustering = await ClusteringTests.FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        foreach (var profile in draft.View.Profiles)
        {
            await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            });
        }

        // The profile-set views, draft and frozen public alike, carry the labels next to the codes.
        Assert.Equal("migratieachtergrond", Assert.Single(draft.View.Method.ProtectedFeatures).Label!.Nl);
        Assert.Contains(draft.View.Method.ClusteringFeatures, f => f.Name == "disposableIncome" && f.Label!.Nl == "besteedbaar inkomen per jaar");
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);
        var view = (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!.View;
        var housing = view.Population!.Categorical.Single(d => d.Feature == "housing");
        Assert.Equal("woning", housing.Label!.Nl);
        Assert.Contains(housing.Cells, c => c.Value == "rentWithAllowance" && c.ValueLabel!.Nl == "een huurhuis met huurtoeslag" && c.ValueLabel.En == "a rented home with housing allowance");
        Assert.Equal("age in years", view.Population.Medians.Single(m => m.Feature == "age").Label!.En);
        Assert.All(view.Profiles.SelectMany(p => p.RelativelyMoreFrequent), h =>
        {
            Assert.Equal(Labels[h.Feature].Label.Nl, h.Label!.Nl);
            Assert.Equal(Labels[h.Feature].Values![h.Value].En, h.ValueLabel!.En);
        });

        var household = FoodBankData.Household(3);
        var advice = await client.Assignments.CreateAssignmentAsync(FoodBankData.Ask("900000028", household));
        Assert.Equal(HttpStatusCode.Created, advice.StatusCode);
        Assert.All(advice.Content!.Contributions!, c => Assert.Equal(Labels[c.Feature].Label.Nl, c.Label));
        Assert.All(advice.Content.Counterfactuals!.SelectMany(c => c.Changes), c => Assert.Equal(Labels[c.Feature].Label.Nl, c.Label));
        AssertNoCodes(advice.Content.Explanation!.Text);
        var english = (await client.Assignments.GetAssignmentAsync(advice.Content.Id, acceptLanguage: "en")).Content!;
        Assert.All(english.Contributions!, c => Assert.Equal(Labels[c.Feature].Label.En, c.Label));

        var dutch = await api.Citizen(tenant, "900000028").CitizenPortal.GetCitizenExplanationAsync();
        Assert.Equal(HttpStatusCode.OK, dutch.StatusCode);
        Assert.Equal(Language.Nl, dutch.Content!.Language);
        AssertNoCodes(dutch.Content.Advice!.Text);
        Assert.StartsWith("Wij keken alleen naar deze dingen van u. Uitkering, besteedbaar inkomen per jaar, opleiding, woning,", dutch.Content.Advice!.DataUsed, StringComparison.Ordinal);
        Assert.Contains("Uw ", dutch.Content.Advice!.Reasons, StringComparison.Ordinal);
        var benefitItem = dutch.Content.Advice!.Data.Single(d => d.Feature == "benefitType");
        Assert.Equal("uitkering", benefitItem.Label);
        Assert.Equal(Labels["benefitType"].Values![household["benefitType"].AsText()].Nl, benefitItem.Value);
        Assert.Equal(Labels["housing"].Values![household["housing"].AsText()].Nl, dutch.Content.Advice!.Data.Single(d => d.Feature == "housing").Value);
        Assert.All(dutch.Content.Advice!.Data, d => Assert.Equal(Labels[d.Feature].Label.Nl, d.Label));

        var inEnglish = await api.Citizen(tenant, "900000028").CitizenPortal.GetCitizenExplanationAsync(acceptLanguage: "en");
        Assert.Equal(Language.En, inEnglish.Content!.Language);
        AssertNoCodes(inEnglish.Content.Advice!.Text);
        Assert.StartsWith("We only looked at these details of yours. Benefit, disposable income per year, education level, home,", inEnglish.Content.Advice!.DataUsed, StringComparison.Ordinal);
        Assert.Equal(Labels["householdType"].Values![household["householdType"].AsText()].En, inEnglish.Content.Advice!.Data.Single(d => d.Feature == "householdType").Value);
        Assert.All(inEnglish.Content.Advice!.Data, d => Assert.Equal(Labels[d.Feature].Label.En, d.Label));

        var register = (await client.Public.GetPublicAlgorithmAsync(tenant)).Content!;
        AssertNoCodes(register.SourceData);
        Assert.Contains("besteedbaar inkomen per jaar", register.SourceData, StringComparison.Ordinal);
        Assert.Contains("migratieachtergrond", register.SourceData, StringComparison.Ordinal);
        Assert.All(register.ProfileSet!.Features, f => Assert.Equal(Labels[f.Name].Label.Nl, f.Label));
        var registerEn = (await client.Public.GetPublicAlgorithmAsync(tenant, acceptLanguage: "en")).Content!;
        Assert.Contains("disposable income per year", registerEn.SourceData, StringComparison.Ordinal);
        AssertNoCodes(registerEn.SourceData);
    }

    [Fact]
    public async Task Bad_labels_are_refused_with_every_problem_at_once()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var plain = FoodBankData.Declaration();
        var features = plain.Features!.ToList();
        features[0] = features[0] with // benefitType, categorical
        {
            Label = new FeatureLabelInput { Nl = "uitkering" },
            ValueLabels = new Dictionary<string, FeatureLabelInput>
            {
                ["bijstand"] = new() { Nl = "bijstand", En = "assistance" },
                ["none"] = new() { Nl = "", En = "none" },
                ["disability"] = new() { Nl = "arbeidsongeschikt\u0007", En = new string('x', 101) },
            },
        };
        features[1] = features[1] with // disposableIncome, numeric
        {
            Label = new FeatureLabelInput { Nl = "inkomen\nper jaar", En = " income" },
            ValueLabels = new Dictionary<string, FeatureLabelInput> { ["high"] = new() { Nl = "hoog", En = "high" } },
        };
        features[2] = features[2] with { Label = new FeatureLabelInput { Nl = new string('a', 101), En = "education" } };

        var refused = await client.Datasets.CreateDatasetAsync(plain with { Features = features });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = refused.Problem()!.InvalidParams!.Select(p => (p.Name, p.Code)).ToHashSet();
        Assert.Contains(("features[0].label.en", "required"), problems);
        Assert.Contains(("features[0].valueLabels.bijstand", "unknown-value"), problems);
        Assert.Contains(("features[0].valueLabels.none.nl", "required"), problems);
        Assert.Contains(("features[0].valueLabels.disability.nl", "control-characters"), problems);
        Assert.Contains(("features[0].valueLabels.disability.en", "max-length"), problems);
        Assert.Contains(("features[1].label.nl", "control-characters"), problems);
        Assert.Contains(("features[1].label.en", "surrounding-spaces"), problems);
        Assert.Contains(("features[1].valueLabels", "invalid"), problems);
        Assert.Contains(("features[2].label.nl", "max-length"), problems);
        Assert.DoesNotContain(problems, p => p.Name.StartsWith("features[3]", StringComparison.Ordinal));
        Assert.Empty((await client.Datasets.ListDatasetsAsync()).Content!.Items);
    }

    [Fact]
    public async Task Without_labels_texts_fall_back_to_the_names()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;

        Assert.All(dataset.Features, f => Assert.Null(f.Label));
        Assert.All(dataset.Features, f => Assert.Null(f.ValueLabels));
    }

    private static void AssertNoCodes(string text)
    {
        foreach (var code in Codes)
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }
}
