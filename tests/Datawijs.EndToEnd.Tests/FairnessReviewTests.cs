using System.Globalization;
using System.Net;
using System.Text;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>The inequality check acts: an over-represented protected group blocks publication until a person reviews it.</summary>
public sealed class FairnessReviewTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Reasoning = "Het profiel volgt de vraag naar hulp in een wijk met veel nieuwkomers; het advies verandert niets aan wie hulp krijgt.";

    // Two clear groups on 'benefit'; the protected 'background' = y is 70 % in group a and 10 % in group b.
    private static string Csv()
    {
        var sb = new StringBuilder("subjectId,benefit,age,background\n");
        for (var i = 0; i < 200; i++)
        {
            var a = i < 100;
            var y = a ? i % 10 < 7 : i % 10 < 1;
            sb.Append(CultureInfo.InvariantCulture, $"s-{i},{(a ? "a" : "b")},{(a ? 30 : 60) + (i % 7)},{(y ? "y" : "x")}\n");
        }

        return sb.ToString();
    }

    private static CreateDatasetRequest Declaration() => new()
    {
        Name = "Scheef verdeeld (synthetisch)",
        SubjectIdKind = SubjectIdKind.Other,
        Purpose = "Test of the inequality check (synthetic data).",
        RetentionUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
        Features =
        [
            new DatasetFeatureInput { Name = "benefit", Type = "categorical", Values = ["a", "b"], Role = "clustering", Mutable = true },
            new DatasetFeatureInput { Name = "age", Type = "numeric", Min = 18, Max = 100, Role = "clustering", Mutable = false },
            new DatasetFeatureInput
            {
                Name = "background", Type = "categorical", Values = ["x", "y"], Role = "protected", Mutable = false,
                Label = new FeatureLabelInput { Nl = "migratieachtergrond", En = "migration background" },
                ValueLabels = new Dictionary<string, FeatureLabelInput> { ["y"] = new() { Nl = "niet-westers", En = "non-Western" } },
            },
        ],
    };

    private async Task<(string Tenant, DatawijsClient Client, DatawijsClient Person, ProfileSet Draft)> NamedDraftAsync()
    {
        var tenant = ApiFixture.NewTenant();
        var issued = await api.Host.AddClientAsync(tenant);
        var client = api.ClientFor(issued);
        var person = api.ClientFor(issued, "m.jansen", "M. Jansen (beleidsadviseur)");
        var dataset = (await client.Datasets.CreateDatasetAsync(Declaration())).Content!;
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(Csv()))).StatusCode);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2, Seed = 1 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        Assert.Equal(ClusteringStatus.Succeeded, clustering.Status);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;
        foreach (var profile in draft.View.Profiles)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.UpdateProfileAsync(draft.Id, profile.Id, new UpdateProfileRequest
            {
                Name = new ProfileTextInput { Nl = $"Groep {profile.Number}", En = $"Group {profile.Number}" },
                Description = new ProfileTextInput { Nl = $"Huishoudens van groep {profile.Number}.", En = $"Households of group {profile.Number}." },
            })).StatusCode);
        }

        return (tenant, client, person, (await client.ProfileSets.GetProfileSetAsync(draft.Id)).Content!);
    }

    [Fact]
    public async Task An_over_represented_protected_group_blocks_publication_until_a_person_reviews_it()
    {
        var (tenant, client, person, draft) = await NamedDraftAsync();
        // Group a is the younger one (ages 30-36 against 60-66); its benefit share is 100 %, which is never shown, so it is found by its median age.
        var groupA = draft.View.Profiles.Single(p => p.Medians.Single(m => m.Feature == "age").Median < 45);

        // The check runs on the draft and names the profile and the group.
        Assert.Equal(FairnessCheckOutcome.OverRepresentationFound, draft.View.Fairness!.Outcome);
        Assert.Contains(draft.View.Fairness.Findings, f => f.ProfileId == groupA.Id && f.Feature == "background" && f.Value == "y");
        Assert.Contains(draft.PublicationBlockers, b => b.Code == "protected-over-representation" && b.ProfileId == groupA.Id && b.Reason.Contains("non-Western", StringComparison.Ordinal));
        Assert.Contains("Een medewerker moet dit eerst beoordelen", draft.View.Fairness.Summary.Nl, StringComparison.Ordinal);

        var refused = await client.ProfileSets.PublishProfileSetAsync(draft.Id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(refused.Problem()!.InvalidParams!, p => p.Name == $"profiles[{groupA.Number}]" && p.Code == "protected-over-representation");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).StatusCode);

        // Only a person lifts it, with a real reasoning.
        var byMachine = await client.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning });
        Assert.Equal(HttpStatusCode.BadRequest, byMachine.StatusCode);
        Assert.Equal("user-required", byMachine.Problem()!.Code);
        var tooShort = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = "prima" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains(tooShort.Problem()!.InvalidParams!, p => p.Name == "reasoning");
        foreach (var empty in new[] { new string('.', 60), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1234 5678 9012 3456 7890" })
        {
            var contentFree = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = empty });
            Assert.Equal(HttpStatusCode.BadRequest, contentFree.StatusCode);
            Assert.Contains(contentFree.Problem()!.InvalidParams!, p => p.Name == "reasoning" && p.Code == "no-words");
        }

        var missing = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest());
        Assert.Contains(missing.Problem()!.InvalidParams!, p => p.Name == "reasoning");

        var key = Guid.NewGuid().ToString();
        var reviewed = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning }, key);
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        Assert.DoesNotContain(reviewed.Content!.PublicationBlockers, b => b.Code == "protected-over-representation");
        Assert.Equal("m.jansen", reviewed.Content.FairnessReview!.UserId);
        Assert.Equal("M. Jansen (beleidsadviseur)", reviewed.Content.FairnessReview.UserRepresentation);
        Assert.Equal(Reasoning, reviewed.Content.FairnessReview.Reasoning);
        Assert.Contains(reviewed.Content.FairnessReview.Findings, f => f.ProfileId == groupA.Id && f.Value == "y");
        Assert.Equal(FairnessCheckOutcome.OverRepresentationReviewed, reviewed.Content.View.Fairness!.Outcome);

        // A retry with the same key gets the first answer; a second review is refused.
        var retry = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning }, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(reviewed.Content.FairnessReview.ReviewedAt, retry.Content!.FairnessReview!.ReviewedAt);
        var again = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("fairness-reviewed", again.Problem()!.Code);

        var published = await client.ProfileSets.PublishProfileSetAsync(draft.Id);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("m.jansen", published.Content!.FairnessReview!.UserId);

        // The public page and the register say it in plain words, with the date and the reasoning but not the person,
        // and never which profile or group or how many times as frequent: with the protected cells suppressed, that
        // and the population's count of the group would bound the group's count in the other profiles.
        var day = reviewed.Content.FairnessReview.ReviewedAt.UtcDateTime;
        var nl = (await client.PublicProfiles.GetPublicProfileSetAsync(tenant)).Content!;
        Assert.StartsWith("Gecontroleerd: een groep komt te vaak voor. In een of meer profielen zit een groep (migratieachtergrond) veel vaker", nl.FairnessCheck, StringComparison.Ordinal);
        Assert.Contains($"Een mens heeft dit bekeken op {day.Day} ", nl.FairnessCheck, StringComparison.Ordinal);
        Assert.EndsWith(Reasoning, nl.FairnessCheck, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", nl.FairnessCheck, StringComparison.Ordinal);
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), nl.View.Fairness!.Review!.ReviewedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Empty(nl.View.Fairness.Findings);
        Assert.Equal(nl.FairnessCheck, nl.View.Fairness.Summary.Nl);
        var en = (await client.PublicProfiles.GetPublicProfileSetAsync(tenant, "en")).Content!;
        Assert.StartsWith("Checked: a group is found too often. In one or more profiles a group (migration background) is much more often", en.FairnessCheck, StringComparison.Ordinal);
        Assert.Contains("A person looked at this on", en.FairnessCheck, StringComparison.Ordinal);
        Assert.Equal(en.FairnessCheck, nl.View.Fairness.Summary.En);
        var withoutReasoning = new[] { nl.FairnessCheck.Replace(Reasoning, "", StringComparison.Ordinal), en.FairnessCheck.Replace(Reasoning, "", StringComparison.Ordinal) };
        foreach (var text in withoutReasoning)
        {
            foreach (var named in new[] { "niet-westers", "non-Western", "profiel 1", "profiel 2", "profile 1", "profile 2", "Groep", "Group", "keer zo vaak", "times as frequent" })
            {
                Assert.DoesNotContain(named, text, StringComparison.Ordinal);
            }
        }

        var register = (await client.Public.GetPublicAlgorithmAsync(tenant)).Content!;
        Assert.Equal(AlgorithmFairnessCheckOutcome.OverRepresentationReviewed, register.ProfileSet!.FairnessCheck!.Outcome);
        Assert.Equal(nl.FairnessCheck, register.ProfileSet.FairnessCheck.Text);
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), register.ProfileSet.FairnessCheck.ReviewedOn);
        Assert.Equal(2.0, register.ProfileSet.FairnessCheck.MaximumRatio);
        var registerEn = (await client.Public.GetPublicAlgorithmAsync(tenant, "en")).Content!;
        Assert.Equal(en.FairnessCheck, registerEn.ProfileSet!.FairnessCheck!.Text);
    }

    [Fact]
    public async Task Findings_that_appear_after_the_review_block_again_until_a_person_reviews_them()
    {
        var (_, client, person, draft) = await NamedDraftAsync();
        var findings = draft.View.Fairness!.Findings;
        Assert.True(findings.Count >= 2);
        Assert.Equal(HttpStatusCode.Created, (await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning })).StatusCode);

        // As if the person reviewed when only the first finding existed (e.g. before Fairness:MaximumRatio was lowered).
        await api.Host.ExecuteSqlAsync($"UPDATE fairness_reviews SET findings = json_remove(findings, '$[1]') WHERE profile_set_id = '{draft.Id:D}'");
        var back = (await client.ProfileSets.GetProfileSetAsync(draft.Id)).Content!;
        var blocker = Assert.Single(back.PublicationBlockers, b => b.Code == "protected-over-representation");
        Assert.Equal(findings[1].ProfileId, blocker.ProfileId);
        Assert.Contains("not among the findings reviewed earlier", blocker.Reason, StringComparison.Ordinal);
        Assert.Equal(FairnessCheckOutcome.OverRepresentationFound, back.View.Fairness!.Outcome);
        Assert.Equal(HttpStatusCode.Conflict, (await client.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);

        // A new review covers every current finding and replaces the earlier one.
        const string again = "Opnieuw besproken na de strengere instelling; ook deze groep is verklaarbaar door de wijk.";
        var reviewed = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = again });
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        Assert.DoesNotContain(reviewed.Content!.PublicationBlockers, b => b.Code == "protected-over-representation");
        Assert.Equal(again, reviewed.Content.FairnessReview!.Reasoning);
        Assert.Equal(findings.Count, reviewed.Content.FairnessReview.Findings.Count);
        Assert.Equal("fairness-reviewed", (await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = again })).Problem()!.Code);
        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.PublishProfileSetAsync(draft.Id)).StatusCode);
    }

    [Fact]
    public async Task A_review_needs_the_profiles_manage_scope_and_a_draft_with_findings()
    {
        var (_, client, person, draft) = await NamedDraftAsync();
        var tenant = ApiFixture.NewTenant();
        var reader = api.ClientFor(await api.Host.AddClientAsync(tenant, "scans:read"), "m.jansen");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.ProfileSets.ReviewProfileSetFairnessAsync(Guid.CreateVersion7(), new ReviewProfileSetFairnessRequest { Reasoning = Reasoning })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.ProfileSets.RetireProfileSetAsync(draft.Id)).StatusCode);
        var retired = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning });
        Assert.Equal(HttpStatusCode.Conflict, retired.StatusCode);
        Assert.Equal("not-draft", retired.Problem()!.Code);
    }

    [Fact]
    public async Task A_set_without_over_representation_says_so_and_has_nothing_to_review()
    {
        var tenant = ApiFixture.NewTenant();
        var issued = await api.Host.AddClientAsync(tenant);
        var client = api.ClientFor(issued);
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 300);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 5, Seed = 3 })).Content!;
        var clustering = await ClusteringTests.FinishedAsync(client, started.Id);
        var draft = (await client.ProfileSets.CreateProfileSetAsync(new CreateProfileSetRequest { ClusteringId = clustering.Id })).Content!;

        Assert.Equal(FairnessCheckOutcome.NoOverRepresentation, draft.View.Fairness!.Outcome);
        Assert.Equal(["migrationBackground"], draft.View.Fairness.CheckedFeatures);
        Assert.DoesNotContain(draft.PublicationBlockers, b => b.Code == "protected-over-representation");
        Assert.StartsWith("Gecontroleerd: geen oververtegenwoordiging.", draft.View.Fairness.Summary.Nl, StringComparison.Ordinal);
        Assert.StartsWith("Checked: no over-representation.", draft.View.Fairness.Summary.En, StringComparison.Ordinal);

        var person = api.ClientFor(issued, "m.jansen");
        var review = await person.ProfileSets.ReviewProfileSetFairnessAsync(draft.Id, new ReviewProfileSetFairnessRequest { Reasoning = Reasoning });
        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        Assert.Equal("nothing-to-review", review.Problem()!.Code);
    }
}
