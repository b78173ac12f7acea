using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// A dataset declares how each value reads in a sentence about the citizen, and what its numbers count; the
/// citizen's explanation uses those sentences and writes amounts in euros.
/// </summary>
public sealed class FeaturePhraseTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static FeatureLabelInput Text(LocalizedTextLike text) => new() { Nl = text.Nl, En = text.En };

    private sealed record LocalizedTextLike(string Nl, string En);

    // The demo's declaration (labels, units and a sentence per value), as a portal's administrator would send it.
    private static CreateDatasetRequest DemoDeclaration()
    {
        var plain = FoodBankData.Declaration("Voedselbank met zinnen (synthetisch)");
        var demo = DemoProfiles.Features.ToDictionary(f => f.Name);
        return plain with
        {
            Features = plain.Features!.Select(f =>
            {
                var d = demo[f.Name!];
                return f with
                {
                    Label = d.Label is null ? null : Text(new(d.Label.Nl, d.Label.En)),
                    ValueLabels = d.ValueLabels?.ToDictionary(v => v.Key, v => Text(new(v.Value.Nl, v.Value.En))),
                    Unit = d.Unit,
                    Phrases = d.Phrases?.ToDictionary(v => v.Key, v => new ValuePhraseInput
                    {
                        Statement = Text(new(v.Value.Statement.Nl, v.Value.Statement.En)),
                        Condition = Text(new(v.Value.Condition.Nl, v.Value.Condition.En)),
                    }),
                };
            }).ToList(),
        };
    }

    [Fact]
    public async Task Declared_sentences_and_units_are_what_the_citizen_reads()
    {
        var tenant = Datawijs.Tests.Shared.TestApiHost.CitizenTenant();
        var client = await api.ClientAsync(tenant);

        var created = await client.Datasets.CreateDatasetAsync(DemoDeclaration());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dataset = (await client.Datasets.GetDatasetAsync(created.Content!.Id)).Content!;
        Assert.Equal(Unit.Euro, dataset.Features.Single(f => f.Name == "disposableIncome").Unit);
        Assert.Equal("U krijgt jeugdzorg.", dataset.Features.Single(f => f.Name == "youthCare").Phrases!["yes"].Statement.Nl);
        Assert.Equal("u geen jeugdzorg had gekregen", dataset.Features.Single(f => f.Name == "youthCare").Phrases!["no"].Condition.Nl);

        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(300)))).StatusCode);
        var clustering = await ClusteringTests.FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!.Id);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        foreach (var profile in draft.View.Profiles)
        {
            await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            });
        }

        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);

        var household = FoodBankData.Household(3);
        Assert.Equal(HttpStatusCode.Created, (await client.Assignments.CreateAssignmentAsync(FoodBankData.Ask("900000028", household))).StatusCode);

        var nl = (await api.Citizen(tenant, "900000028").CitizenPortal.GetCitizenExplanationAsync()).Content!.Advice!;
        var youthCare = nl.Data.Single(d => d.Feature == "youthCare");
        Assert.Equal(household["youthCare"].AsText() == "yes" ? "U krijgt jeugdzorg." : "U krijgt geen jeugdzorg.", youthCare.Text);
        var income = nl.Data.Single(d => d.Feature == "disposableIncome");
        Assert.StartsWith("€ ", income.Value, StringComparison.Ordinal);
        Assert.Equal($"Uw inkomen per jaar is {income.Value}.", income.Text);
        Assert.EndsWith(" jaar", nl.Data.Single(d => d.Feature == "age").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(" is ja.", nl.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" is nee.", nl.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dan was het advies", nl.Text, StringComparison.Ordinal);
        if (nl.Alternative.Contains("Als ", StringComparison.Ordinal))
        {
            Assert.Matches(@"Als .+, dan had u het advies \u2018.+\u2019 gekregen\.$", nl.Alternative);
        }

        var en = (await api.Citizen(tenant, "900000028").CitizenPortal.GetCitizenExplanationAsync(acceptLanguage: "en")).Content!.Advice!;
        Assert.StartsWith("€", en.Data.Single(d => d.Feature == "disposableIncome").Value, StringComparison.Ordinal);
        Assert.Contains(en.Data.Single(d => d.Feature == "householdType").Text, new[] { "You live with a partner.", "You live alone.", "You are a single parent." });
    }

    [Fact]
    public async Task Bad_units_and_phrases_are_refused_with_every_problem_at_once()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var plain = FoodBankData.Declaration();
        var features = plain.Features!.ToList();
        features[0] = features[0] with // benefitType, categorical
        {
            Unit = "euro",
            Phrases = new Dictionary<string, ValuePhraseInput>
            {
                ["bijstand"] = new() { Statement = new() { Nl = "U heeft bijstand.", En = "You have assistance." }, Condition = new() { Nl = "u bijstand had", En = "you had assistance" } },
                ["none"] = new() { Statement = new() { Nl = "U heeft geen uitkering", En = "You have no benefit." }, Condition = new() { Nl = "u geen uitkering had gehad.", En = "" } },
            },
        };
        features[1] = features[1] with // disposableIncome, numeric
        {
            Unit = "dollars",
            Phrases = new Dictionary<string, ValuePhraseInput> { ["high"] = new() { Statement = new() { Nl = "Hoog.", En = "High." }, Condition = new() { Nl = "hoog", En = "high" } } },
        };

        var refused = await client.Datasets.CreateDatasetAsync(plain with { Features = features });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = refused.Problem()!.InvalidParams!.Select(p => (p.Name, p.Code)).ToHashSet();
        Assert.Contains(("features[0].unit", "invalid"), problems);
        Assert.Contains(("features[0].phrases.bijstand", "unknown-value"), problems);
        Assert.Contains(("features[0].phrases.none.statement.nl", "sentence"), problems);
        Assert.Contains(("features[0].phrases.none.condition.nl", "clause"), problems);
        Assert.Contains(("features[0].phrases.none.condition.en", "required"), problems);
        Assert.Contains(("features[1].unit", "one-of"), problems);
        Assert.Contains(("features[1].phrases", "invalid"), problems);
        Assert.Empty((await client.Datasets.ListDatasetsAsync()).Content!.Items);
    }
}
