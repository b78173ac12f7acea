using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Datawijs.Client;
using Datawijs.Domain.Synthetic;

namespace Datawijs.EndToEnd.Tests;

public sealed class OutflowTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The food-bank declaration plus an outflow outcome: months as a client and whether the household left.</summary>
    public static CreateDatasetRequest Declaration()
    {
        var declaration = FoodBankData.Declaration("Voedselbank met uitstroom (synthetisch)");
        return declaration with
        {
            DurationUnit = DurationUnit.Months,
            Features =
            [
                .. declaration.Features!,
                new DatasetFeatureInput { Name = FoodBankOutflow.DurationFeature, Type = "numeric", Min = 0, Max = 600, Role = "duration", Mutable = false },
                new DatasetFeatureInput
                {
                    Name = FoodBankOutflow.EventFeature, Type = "categorical", Values = [FoodBankOutflow.Left, FoodBankOutflow.StillClient],
                    Role = "event", EventValue = FoodBankOutflow.Left, Mutable = false,
                },
            ],
        };
    }

    /// <summary>The food-bank CSV with the two outcome columns appended.</summary>
    public static string Csv(int count, long seed = 7)
    {
        var lines = FoodBankData.Csv(count, seed).Split("\r\n");
        var (months, left) = FoodBankOutflow.Generate(FoodBankHouseholds.Generate(count, seed), seed);
        var sb = new StringBuilder(lines[0]).Append(',').Append(FoodBankOutflow.DurationFeature).Append(',').Append(FoodBankOutflow.EventFeature).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append(lines[i + 1]).Append(',').Append(months[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(left[i] ? FoodBankOutflow.Left : FoodBankOutflow.StillClient).Append("\r\n");
        }

        return sb.ToString();
    }

    private async Task<(DatawijsClient Client, string Tenant, ProfileSet Draft)> DraftAsync(int households = 400, string? tenantSlug = null)
    {
        var tenant = tenantSlug ?? ApiFixture.NewTenant();
        var client = await api.ClientAsync(tenant);
        var created = await client.Datasets.CreateDatasetAsync(Declaration());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(DurationUnit.Months, created.Content!.DurationUnit);
        Assert.Equal(FoodBankOutflow.Left, created.Content.Features.Single(f => f.Role == DatasetFeatureRole.Event).EventValue);
        var uploaded = await client.Datasets.UploadDatasetRecordsAsync(created.Content.Id, FoodBankData.CsvContent(Csv(households)));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var started = (await client.Clusterings.CreateClusteringAsync(created.Content.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        var set = await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id });
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        return (client, tenant, set.Content!);
    }

    [Fact]
    public async Task Outflow_outcome_is_declared_with_its_unit_and_event_value_or_refused_with_every_problem()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var declaration = FoodBankData.Declaration();
        var bad = declaration with
        {
            Features =
            [
                .. declaration.Features!,
                new DatasetFeatureInput { Name = "months", Type = "categorical", Values = ["a"], Role = "duration", Mutable = false },
                new DatasetFeatureInput { Name = "status", Type = "categorical", Values = ["left", "in"], Role = "event", EventValue = "gone", Mutable = false },
                new DatasetFeatureInput { Name = "provision", Type = "categorical", Values = ["yes", "no"], Role = "descriptive", EventValue = "yes", Mutable = true },
            ],
        };

        var refused = await client.Datasets.CreateDatasetAsync(bad);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = refused.Problem()!.InvalidParams!.Select(p => (p.Name, p.Code)).ToList();
        var n = declaration.Features!.Count;
        Assert.Contains(($"features[{n}].type", "outcome-type"), problems);
        Assert.Contains(($"features[{n + 1}].eventValue", "unknown-value"), problems);
        Assert.Contains(($"features[{n + 2}].eventValue", "not-allowed"), problems);
        Assert.Contains(("durationUnit", "required"), problems);

        var alone = await client.Datasets.CreateDatasetAsync(declaration with
        {
            DurationUnit = DurationUnit.Unknown, // a unit the contract does not list is sent as no unit
            Features = [.. declaration.Features!, new DatasetFeatureInput { Name = "months", Type = "numeric", Role = "duration", Mutable = false }],
        });
        var aloneProblems = alone.Problem()!.InvalidParams!.Select(p => (p.Name, p.Code)).ToList();
        Assert.Contains(($"features[{n}].role", "outcome-incomplete"), aloneProblems);
        Assert.Contains(aloneProblems, p => p.Name == "durationUnit");

        // A feature sent as null is named, not a server error.
        var withNull = await client.Datasets.CreateDatasetAsync(Declaration() with { Features = [.. Declaration().Features!, null!] });
        Assert.Equal(HttpStatusCode.BadRequest, withNull.StatusCode);
        Assert.Contains(withNull.Problem()!.InvalidParams!, p => p is { Name: var name, Code: "required" } && name == $"features[{Declaration().Features!.Count}]");
    }

    [Fact]
    public async Task Upload_refuses_a_negative_or_missing_duration_and_a_missing_event_with_the_row_and_reason()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(Declaration())).Content!;
        var lines = Csv(30).Split("\r\n");
        lines[2] = string.Join(',', lines[2].Split(',')[..^2]) + ",-3,left";
        lines[5] = string.Join(',', lines[5].Split(',')[..^2]) + ",,left";
        lines[8] = string.Join(',', lines[8].Split(',')[..^2]) + ",12,";

        var refused = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(string.Join("\r\n", lines)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = refused.Problem()!.InvalidParams!;
        Assert.Contains(problems, p => p.Name == "records[2].monthsAsClient" && p.Reason.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Name == "records[5].monthsAsClient" && p.Reason.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Name == "records[8].clientStatus" && p.Reason.Contains("missing", StringComparison.Ordinal));
        Assert.Equal(0, (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!.RecordCount);
    }

    [Fact]
    public async Task Outflow_per_profile_and_per_value_with_log_rank_and_hazard_ratios_and_outcome_never_in_the_profiles()
    {
        var (client, _, draft) = await DraftAsync();

        Assert.DoesNotContain(draft.View.Method.ClusteringFeatures.Concat(draft.View.Method.DescriptiveFeatures).Concat(draft.View.Method.ProtectedFeatures),
            f => f.Name is FoodBankOutflow.DurationFeature or FoodBankOutflow.EventFeature);
        Assert.DoesNotContain(draft.View.Profiles.SelectMany(p => p.Categorical.Select(d => d.Feature).Concat(p.Medians.Select(m => m.Feature)).Concat(p.RelativelyMoreFrequent.Select(h => h.Feature))),
            f => f is FoodBankOutflow.DurationFeature or FoodBankOutflow.EventFeature);

        var byProfile = await client.ProfileSets.GetProfileSetOutflowAsync(draft.Id);

        Assert.Equal(HttpStatusCode.OK, byProfile.StatusCode);
        var outflow = byProfile.Content!;
        Assert.Equal(DurationUnit.Months, outflow.DurationUnit);
        Assert.Equal(draft.View.Profiles.Select(p => (Guid?)p.Id), outflow.Groups.Select(g => g.ProfileId));
        Assert.Equal(400, outflow.Groups.Sum(g => g.Households));
        Assert.All(outflow.Groups, g =>
        {
            Assert.All(g.Curve.Zip(g.Curve.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time && pair.First.Survival >= pair.Second.Survival));
            Assert.All(g.Curve, p => Assert.True(p.Lower is null || (p.Lower <= p.Survival && p.Survival <= p.Upper)));
        });
        Assert.Equal(4, outflow.LogRank!.Df);
        Assert.InRange(outflow.LogRank.PValue, 0, 1);
        var features = outflow.HazardRatios.Select(h => h.Feature).Distinct().ToList();
        Assert.Contains("children", features);
        Assert.DoesNotContain("migrationBackground", features);
        Assert.DoesNotContain(FoodBankOutflow.DurationFeature, features);
        var children = outflow.HazardRatios.Single(h => h.Feature == "children");
        Assert.Null(children.Value);
        Assert.NotNull(children.PerStandardDeviation);
        Assert.All(outflow.HazardRatios.Where(h => h.Value is not null), h => Assert.NotNull(h.Reference));

        var byHousing = (await client.ProfileSets.GetProfileSetOutflowAsync(draft.Id, "housing")).Content!;
        Assert.Equal(["owner", "rent", "rentWithAllowance"], byHousing.Groups.Select(g => g.Value));
        Assert.Equal(400, byHousing.Groups.Sum(g => g.Households) + byHousing.LeftOut);

        var unknown = await client.ProfileSets.GetProfileSetOutflowAsync(draft.Id, FoodBankOutflow.EventFeature);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var reason = unknown.Problem()!.InvalidParams!.Single(p => p.Name == "by").Reason;
        Assert.Contains("profile, benefitType", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FoodBankOutflow.EventFeature, reason, StringComparison.Ordinal);

        var chart = await client.ProfileSets.GetProfileSetOutflowChartAsync(draft.Id, acceptLanguage: "en");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var svg = XElement.Parse(chart.Content!);
        Assert.Equal("Time to outflow per group", svg.Element(Svg + "title")!.Value);
        Assert.Equal(5, svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "curve"));
    }

    [Fact]
    public async Task Published_outflow_is_coarsened_rounded_and_stops_where_fewer_than_ten_are_still_in()
    {
        // A tenant whose citizens the test broker identifies, so the citizen's own explanation can be read too.
        var (client, tenant, draft) = await DraftAsync(tenantSlug: Datawijs.Tests.Shared.TestApiHost.CitizenTenant());
        foreach (var profile in draft.View.Profiles)
        {
            await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            });
        }

        var published = await client.ProfileSets.PublishProfileSetAsync(draft.Id);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.NotNull(published.Content!.View.Outflow);

        var shown = await client.PublicProfiles.GetPublicOutflowAsync(tenant);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var outflow = shown.Content!.Outflow;
        Assert.Equal(3, outflow.Step);
        Assert.Equal(5, outflow.Groups.Count);
        Assert.Equal("Groep 1", outflow.Groups[0].Name.Nl);
        Assert.All(outflow.Groups.Where(g => !g.Withheld), g =>
        {
            Assert.True(g.Households >= 10 && g.Households % 5 == 0);
            Assert.True(g.Events is null || (g.Events >= 10 && g.Events % 5 == 0));
            Assert.All(g.Curve, p =>
            {
                Assert.Equal(0, p.Time % 3);
                Assert.True(p.AtRisk >= 10 && p.AtRisk % 5 == 0, $"at risk {p.AtRisk}");
            });
        });
        Assert.Contains(outflow.Groups, g => g.StopsAt is not null);

        // The advice states the profile's published median as a fact about the group, in B1.
        var advice = (await client.Assignments.CreateAssignmentAsync(FoodBankData.Ask(Datawijs.Tests.Shared.SyntheticBsns.Next(), FoodBankData.Household(0)), auditReason: "Onderzoek")).Content!;
        var median = outflow.Groups.Single(g => g.ProfileId == advice.ProfileId).Median;
        if (median is null)
        {
            Assert.Null(advice.Explanation!.Outflow);
        }
        else
        {
            Assert.StartsWith($"Huishoudens in dit profiel stoppen meestal binnen {median} maanden.", advice.Explanation!.Outflow, StringComparison.Ordinal);
            Assert.Contains(advice.Explanation.Outflow!, advice.Explanation.Text, StringComparison.Ordinal);
        }

        // The citizen reads the same sentence in their own explanation.
        var citizen = Datawijs.Tests.Shared.SyntheticBsns.Next();
        var theirs = (await client.Assignments.CreateAssignmentAsync(FoodBankData.Ask(citizen, FoodBankData.Household(0)), auditReason: "Onderzoek")).Content!;
        var told = (await api.Citizen(tenant, citizen).CitizenPortal.GetCitizenExplanationAsync()).Content!.Advice!;
        Assert.Equal(theirs.Explanation!.Outflow, told.Outflow);
        Assert.Equal(median is null, told.Outflow is null);
        Assert.True(told.Outflow is null || told.Text.Contains(told.Outflow, StringComparison.Ordinal));

        var english = (await client.Assignments.CreateAssignmentAsync(FoodBankData.Ask(Datawijs.Tests.Shared.SyntheticBsns.Next(), FoodBankData.Household(0)), auditReason: "Onderzoek", acceptLanguage: "en")).Content!;
        Assert.True(median is null || english.Explanation!.Outflow!.StartsWith("Households in this profile usually stop within", StringComparison.Ordinal));

        var chart = await client.PublicProfiles.GetPublicOutflowChartAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Tijd tot uitstroom per groep", chart.Content!, StringComparison.Ordinal);
        // scripts/outflow-screenshot.sh sets this to render the chart in Chromium for docs/images/outflow.png.
        if (Environment.GetEnvironmentVariable("DATAWIJS_OUTFLOW_SVG") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, chart.Content!);
        }
    }

    [Fact]
    public async Task A_profile_set_without_an_outflow_outcome_answers_409_and_publishes_no_outflow()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 200);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 3, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        var set = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;

        var refused = await client.ProfileSets.GetProfileSetOutflowAsync(set.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("no-outflow-outcome", refused.Problem()!.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await client.ProfileSets.GetProfileSetOutflowAsync(Guid.CreateVersion7())).StatusCode);
        Assert.Null(set.View.Outflow);
    }
}
