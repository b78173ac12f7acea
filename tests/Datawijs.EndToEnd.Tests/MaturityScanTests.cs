using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Datawijs.Client;

namespace Datawijs.EndToEnd.Tests;

/// <summary>The whole maturity scan flow, through the generated client only.</summary>
public sealed class MaturityScanTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const ModelId FullModel = ModelId.DmmFullV1;

    private static CreateOrganisationRequest Municipality(string name) =>
        new() { Name = name, Kind = OrganisationKind.Municipality, Inhabitants = 48_000, Region = "Overijssel" };

    private static async Task<IReadOnlyList<string>> QuestionIdsAsync(DatawijsClient client, string modelId = "dmm-full-v1")
    {
        var model = (await client.MaturityModels.GetMaturityModelAsync(modelId)).Content!;
        return model.Categories.SelectMany(c => c.Questions).Select(q => q.Id).ToList();
    }

    private static AnswerScanRequest AllAnswered(IReadOnlyList<string> questionIds, int value, string? notApplicable = null, string? role = null) => new()
    {
        Role = role,
        Answers = questionIds
            .Select(id => id == notApplicable ? new QuestionAnswer { QuestionId = id, NotApplicable = true } : new QuestionAnswer { QuestionId = id, Value = value })
            .ToList(),
    };

    [Fact]
    public async Task Models_are_listed_and_described_in_dutch_by_default_and_in_english_on_request()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var dutch = await client.MaturityModels.ListMaturityModelsAsync();
        var english = await client.MaturityModels.ListMaturityModelsAsync(acceptLanguage: "en-GB,en;q=0.9");
        var model = await client.MaturityModels.GetMaturityModelAsync("dmm-full-v1");
        var quick = await client.MaturityModels.GetMaturityModelAsync("dmm-quick-v1", acceptLanguage: "en");
        var missing = await client.MaturityModels.GetMaturityModelAsync("dmm-full-v9");

        Assert.Equal(HttpStatusCode.OK, dutch.StatusCode);
        Assert.Equal(["dmm-full-v1", "dmm-quick-v1", "dmm-full-v2", "dmm-quick-v2"], dutch.Content!.Items.Select(m => m.Id));
        Assert.Equal([Variant.Full, Variant.Quick, Variant.Full, Variant.Quick], dutch.Content.Items.Select(m => m.Variant));
        Assert.Equal([1, 1, 2, 2], dutch.Content.Items.Select(m => m.Version));
        Assert.NotEqual(dutch.Content.Items[0].Name, english.Content!.Items[0].Name);
        Assert.Equal("nl", dutch.ContentHeaders!.ContentLanguage.Single());
        Assert.Equal("en", english.ContentHeaders!.ContentLanguage.Single());

        var full = model.Content!;
        Assert.Equal(7, full.Categories.Count);
        Assert.Equal(5, full.Levels.Count);
        Assert.All(full.Categories, c =>
        {
            Assert.True(c.Questions.Count >= 4);
            Assert.All(c.Questions, q => Assert.Equal([1, 2, 3, 4, 5], q.LevelDescriptors.Select(d => d.Value)));
            Assert.Equal([1, 2, 3, 4, 5], c.Advice.Select(a => a.Level));
            Assert.All(c.Advice, a => Assert.Contains(a.Effort, new[] { Effort.Small, Effort.Medium, Effort.Large }));
        });
        Assert.All(quick.Content!.Categories, c => Assert.Single(c.Questions));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Three_respondents_complete_a_scan_that_is_scored_advised_charted_tracked_and_exported()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = await QuestionIdsAsync(client);
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Proef, afdeling W&I"))).Content!;

        var created = await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest
        {
            ModelId = FullModel,
            Targets = new Dictionary<string, int> { ["data-quality"] = 4 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scan = created.Content!;
        Assert.Equal(ScanStatus.Open, scan.Status);
        Assert.Equal(1, scan.ModelVersion);
        Assert.EndsWith("/api/v1/scans/" + scan.Id, created.Headers!.Location?.ToString(), StringComparison.Ordinal);

        // Per respondent every category scores 2, 3 and 5: the median is 3 everywhere.
        var first = await client.Scans.SaveScanResponseAsync(scan.Id, "resp-1", AllAnswered(questions, 1, "lead-2", "beleidsmedewerker"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.SaveScanResponseAsync(scan.Id, "resp-1", AllAnswered(questions, 2, "lead-2", "beleidsmedewerker"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.SaveScanResponseAsync(scan.Id, "resp-2", AllAnswered(questions, 3))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.SaveScanResponseAsync(scan.Id, "resp-3", AllAnswered(questions, 5))).StatusCode);

        var open = (await client.Scans.GetScanAsync(scan.Id)).Content!;
        Assert.Equal(["resp-1", "resp-2", "resp-3"], open.Respondents.Select(r => r.RespondentId));
        Assert.Equal(27, open.Respondents[0].AnsweredCount);
        Assert.Equal(1, open.Respondents[0].NotApplicableCount);
        Assert.Equal(HttpStatusCode.Conflict, (await client.Scans.GetScanScoreAsync(scan.Id)).StatusCode);

        var completed = await client.Scans.CompleteScanAsync(scan.Id);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(ScanStatus.Completed, completed.Content!.Status);
        Assert.NotNull(completed.Content.CompletedAt);

        // Writes after completion are refused and change nothing.
        var late = await client.Scans.SaveScanResponseAsync(scan.Id, "resp-4", AllAnswered(questions, 1));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("scan-completed", late.Problem()!.Code);
        var changed = await client.Scans.SaveScanResponseAsync(scan.Id, "resp-1", AllAnswered(questions, 1));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.Scans.CompleteScanAsync(scan.Id)).StatusCode);

        var score = (await client.Scans.GetScanScoreAsync(scan.Id)).Content!;
        Assert.Equal(3, score.RespondentCount);
        Assert.Equal(Combination.Median, score.Combination);
        Assert.Equal(7, score.Categories.Count);
        Assert.All(score.Categories, c =>
        {
            Assert.Equal(3.0, c.Score);
            Assert.Equal(3, c.Level);
            Assert.Equal(1 - (Math.Sqrt(14.0 / 9.0) / 2), c.Agreement!.Value, 12);
        });
        var leadership = score.Categories.Single(c => c.CategoryId == "leadership-strategy");
        Assert.Equal(11.0 / 12.0, leadership.AnsweredShare, 12);
        var quality = score.Categories.Single(c => c.CategoryId == "data-quality");
        Assert.Equal(4, quality.Target);
        Assert.Equal(1.0, quality.Gap);
        Assert.Equal(3.0, score.Overall.Score);
        Assert.Equal(3, score.Overall.Level);
        Assert.False(string.IsNullOrEmpty(score.Overall.LevelName));
        Assert.Equal("all", score.Peer.Group.Id);
        Assert.True(score.Peer.Withheld);
        Assert.Null(score.Peer.Tier);
        Assert.False(string.IsNullOrEmpty(score.Peer.WithheldReason));
        Assert.Null(score.Progress);
        // One respondent gave a role: that role is scored on its own, the other two are only counted.
        var role = Assert.Single(score.Roles.Items);
        Assert.Equal(("beleidsmedewerker", 1), (role.Role, role.RespondentCount));
        Assert.Equal(2, score.Roles.RespondentsWithoutRole);
        Assert.All(score.Roles.Categories, c => Assert.Null(c.Agreement));
        var english = (await client.Scans.GetScanScoreAsync(scan.Id, acceptLanguage: "en")).Content!;
        Assert.NotEqual(score.Overall.LevelName, english.Overall.LevelName);

        var advice = (await client.Scans.GetScanRecommendationsAsync(scan.Id)).Content!;
        Assert.Equal(7, advice.Items.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], advice.Items.Select(r => r.Rank));
        Assert.Equal("data-quality", advice.Items[0].CategoryId);
        Assert.Equal(RecommendationReason.TargetGap, advice.Items[0].Reason);
        Assert.Equal(4, advice.Items[0].NextLevel);
        Assert.All(advice.Items, r => Assert.False(string.IsNullOrEmpty(r.Advice)));
        Assert.All(advice.Items.Skip(1), r => Assert.Equal(RecommendationReason.GainPerEffort, r.Reason));
        Assert.All(advice.Items, r => Assert.Contains(r.Effort, new[] { Effort.Small, Effort.Medium, Effort.Large }));

        var radar = await client.Scans.GetScanRadarChartAsync(scan.Id);
        Assert.Equal(HttpStatusCode.OK, radar.StatusCode);
        Assert.Equal("image/svg+xml", radar.ContentHeaders!.ContentType!.MediaType);
        var svg = XDocument.Parse(radar.Content!);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("img", svg.Root.Attribute("role")?.Value);
        Assert.NotNull(svg.Root.Element(ns + "title"));
        Assert.NotNull(svg.Root.Element(ns + "desc"));
        Assert.Contains("Datakwaliteit", radar.Content, StringComparison.Ordinal);

        // A second scan of the same organisation and model shows progress.
        var second = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).Content!;
        await client.Scans.SaveScanResponseAsync(second.Id, "resp-1", AllAnswered(questions, 4));
        await client.Scans.SaveScanResponseAsync(second.Id, "resp-2", AllAnswered(questions, 4));
        Assert.Equal(HttpStatusCode.OK, (await client.Scans.CompleteScanAsync(second.Id)).StatusCode);

        var secondScore = (await client.Scans.GetScanScoreAsync(second.Id)).Content!;
        Assert.Equal(scan.Id, secondScore.Progress!.BaselineScanId);
        Assert.Equal(1.0, secondScore.Progress.OverallDelta);
        Assert.All(secondScore.Progress.Categories, c => Assert.Equal(1.0, c.Delta));

        var history = (await client.Scans.GetScoreHistoryAsync(organisation.Id)).Content!;
        Assert.Equal([scan.Id, second.Id], history.Items.Select(h => h.ScanId));
        Assert.Equal([3.0, 4.0], history.Items.Select(h => h.Overall!.Value));
        Assert.Null(history.Items[0].PreviousScanId);
        Assert.Equal(scan.Id, history.Items[1].PreviousScanId);
        Assert.Equal(1.0, history.Items[1].OverallDeltaSincePrevious);
        Assert.Equal(1.0, history.Items[1].OverallDeltaSinceFirst);

        var scans = (await client.Scans.ListScansAsync(organisation.Id)).Content!;
        Assert.Equal([scan.Id, second.Id], scans.Items.Select(s => s.Id));

        var json = (await client.Scans.ListScoresAsync(modelId: FullModel, limit: 1)).Content!;
        Assert.Equal(scan.Id, json.Items.Single().ScanId);
        Assert.Equal("Gemeente Proef, afdeling W&I", json.Items[0].OrganisationName);
        var nextPage = (await client.Scans.ListScoresAsync(modelId: FullModel, limit: 1, cursor: json.Next)).Content!;
        Assert.Equal(second.Id, nextPage.Items.Single().ScanId);
        Assert.Null(nextPage.Next);

        var csvResponse = await client.Scans.ListScoresAsCsvAsync(modelId: FullModel);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.ContentHeaders!.ContentType!.MediaType);
        var csv = csvResponse.Content!;
        var lines = csv.Split("\r\n");
        Assert.Equal("scanId,organisationId,organisationName,modelId,completedAt,categoryId,score,level,modelVersion,overall,overallLevel", lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(1 + 14, lines.Length - 1);
        var completedAt = history.Items[0].CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        // The scan's headline figures stand on each of its rows, as in the JSON entry (overall 3, level 3; then 4, 4).
        Assert.Equal($"{scan.Id},{organisation.Id},\"Gemeente Proef, afdeling W&I\",dmm-full-v1,{completedAt},leadership-strategy,3,3,{json.Items[0].ModelVersion},3,3", lines[1]);
        Assert.EndsWith(",technology,4,4,1,4,4", lines[14], StringComparison.Ordinal);

        var firstCsvPage = await client.Scans.ListScoresAsCsvAsync(limit: 1);
        Assert.Equal(1 + 7, firstCsvPage.Content!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var link = firstCsvPage.Headers!.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("cursor=" + Uri.EscapeDataString(json.Next!), link, StringComparison.Ordinal);
        var lastCsvPage = await client.Scans.ListScoresAsCsvAsync(limit: 1, cursor: json.Next);
        Assert.Contains(second.Id.ToString(), lastCsvPage.Content!, StringComparison.Ordinal);
        Assert.False(lastCsvPage.Headers!.Contains("Link"));
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_every_scan_operation()
    {
        var owner = await api.ClientAsync(ApiFixture.NewTenant());
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = await QuestionIdsAsync(owner);
        var organisation = (await owner.Organisations.CreateOrganisationAsync(Municipality("Eigen gemeente"))).Content!;
        var scan = (await owner.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).Content!;
        await owner.Scans.SaveScanResponseAsync(scan.Id, "r1", AllAnswered(questions, 3));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.GetScanAsync(scan.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.SaveScanResponseAsync(scan.Id, "intruder", AllAnswered(questions, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.CompleteScanAsync(scan.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.ListScansAsync(organisation.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.GetScoreHistoryAsync(organisation.Id)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.Scans.CompleteScanAsync(scan.Id)).StatusCode);
        var score = await stranger.Scans.GetScanScoreAsync(scan.Id);
        Assert.Equal(HttpStatusCode.NotFound, score.StatusCode);
        Assert.Equal("not-found", score.Problem()!.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.GetScanRecommendationsAsync(scan.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Scans.GetScanRadarChartAsync(scan.Id)).StatusCode);
        Assert.Empty((await stranger.Scans.ListScoresAsync()).Content!.Items);
        Assert.Equal(["r1"], (await owner.Scans.GetScanAsync(scan.Id)).Content!.Respondents.Select(r => r.RespondentId));
    }

    [Fact]
    public async Task Bad_answers_are_all_listed_in_one_400_and_nothing_is_stored()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Fout"))).Content!;
        var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).Content!;

        var response = await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest
        {
            Answers =
            [
                new QuestionAnswer { QuestionId = "no-such-question", Value = 3 },
                new QuestionAnswer { QuestionId = "cult-1", Value = 6 },
                new QuestionAnswer { QuestionId = "lead-1", Value = 2 },
                new QuestionAnswer { QuestionId = "lead-1", NotApplicable = true },
                new QuestionAnswer { QuestionId = "tech-1", Value = 4 },
            ],
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = response.Problem()!.InvalidParams!.ToDictionary(p => p.Name, p => p.Code);
        Assert.Equal(3, problems.Count);
        Assert.Equal("unknown-question", problems["answers[0].questionId"]);
        Assert.Equal("range", problems["answers[1].value"]);
        Assert.Equal("duplicate-question", problems["answers[3].questionId"]);
        Assert.Empty((await client.Scans.GetScanAsync(scan.Id)).Content!.Respondents);
    }

    [Fact]
    public async Task A_too_long_role_and_bad_answers_are_reported_in_one_400()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Alles"))).Content!;
        var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).Content!;

        var response = await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest
        {
            Role = new string('r', 101),
            Answers = [new QuestionAnswer { QuestionId = "nope", Value = 9 }],
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = response.Problem()!.InvalidParams!.ToDictionary(p => p.Name, p => p.Code);
        Assert.Equal(["answers[0].questionId", "answers[0].value", "role"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("max-length", problems["role"]);
        Assert.Equal("unknown-question", problems["answers[0].questionId"]);
        Assert.Equal("range", problems["answers[0].value"]);
        Assert.Empty((await client.Scans.GetScanAsync(scan.Id)).Content!.Respondents);
    }

    [Fact]
    public async Task A_bad_respondent_id_on_an_unknown_scan_is_still_a_400_and_a_good_one_a_404()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var unknown = Guid.CreateVersion7();

        var bad = await client.Scans.SaveScanResponseAsync(unknown, "Jan de Vries", new AnswerScanRequest { Answers = [] });
        var good = await client.Scans.SaveScanResponseAsync(unknown, "r1", new AnswerScanRequest { Answers = [] });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("respondentId", bad.Problem()!.InvalidParams!.Single().Name);
        Assert.Equal(HttpStatusCode.NotFound, good.StatusCode);
    }

    // No personal identifier may appear in a URL (URLs end up in access logs, proxies and browser history), and the respondent id is part of one.
    [Fact]
    public async Task A_respondent_id_that_looks_like_a_bsn_is_refused()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var bsn = await client.Scans.SaveScanResponseAsync(Guid.CreateVersion7(), "123456782", new AnswerScanRequest { Answers = [] });
        var number = await client.Scans.SaveScanResponseAsync(Guid.CreateVersion7(), "123456789", new AnswerScanRequest { Answers = [] });

        Assert.Equal(HttpStatusCode.BadRequest, bsn.StatusCode);
        var invalid = Assert.Single(bsn.Problem()!.InvalidParams!);
        Assert.Equal(("respondentId", "personal-identifier"), (invalid.Name, invalid.Code));
        Assert.Equal(HttpStatusCode.NotFound, number.StatusCode);
    }

    [Fact]
    public async Task An_unknown_model_and_a_bad_target_are_reported_in_one_400()
    {
        var issued = await api.Host.AddClientAsync(ApiFixture.NewTenant());
        var client = api.ClientFor(issued);
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Samen"))).Content!;

        var response = await api.PostJsonAsync(issued, $"/api/v1/organisations/{organisation.Id}/scans", """{"modelId":"dmm-full-v9","targets":{"culture":6,"processes":3}}""");

        Assert.Equal(400, response.Status);
        var problems = response.InvalidParams!;
        Assert.Equal(["one-of", "target-out-of-range"], problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal("modelId", problems.Single(p => p.Code == "one-of").Name);
        Assert.Empty((await client.Scans.ListScansAsync(organisation.Id)).Content!.Items);
    }

    [Fact]
    public async Task A_target_is_named_dotted_whether_its_category_or_its_value_is_wrong()
    {
        var tenant = ApiFixture.NewTenant();
        var issued = await api.Host.AddClientAsync(tenant);
        var client = api.ClientFor(issued);
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Punt"))).Content!;

        var unknownCategory = await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest
        {
            ModelId = FullModel,
            Targets = new Dictionary<string, int> { ["bogus"] = 3 },
        });

        // The generated client cannot send a null target, so this one goes as raw JSON.
        using var http = api.Host.CreateHttpClient(issued);
        using var body = new StringContent("""{"modelId":"dmm-full-v1","targets":{"processes":null}}""", System.Text.Encoding.UTF8, "application/json");
        using var nullTarget = await http.PostAsync(new Uri($"/api/v1/organisations/{organisation.Id}/scans", UriKind.Relative), body);
        using var problem = System.Text.Json.JsonDocument.Parse(await nullTarget.Content.ReadAsStringAsync());

        Assert.Equal("targets.bogus", unknownCategory.Problem()!.InvalidParams!.Single().Name);
        Assert.Equal(HttpStatusCode.BadRequest, nullTarget.StatusCode);
        Assert.Equal("targets.processes", problem.RootElement.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Scans_refuse_unknown_models_and_targets_and_need_a_respondent_to_complete()
    {
        var issued = await api.Host.AddClientAsync(ApiFixture.NewTenant());
        var client = api.ClientFor(issued);
        var organisation = (await client.Organisations.CreateOrganisationAsync(Municipality("Gemeente Leeg"))).Content!;

        var unknownModel = await api.PostJsonAsync(issued, $"/api/v1/organisations/{organisation.Id}/scans", """{"modelId":"dmm-full-v9"}""");
        var badTargets = await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest
        {
            ModelId = FullModel,
            Targets = new Dictionary<string, int> { ["culture"] = 6, ["astrology"] = 3 },
        });
        var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel })).Content!;
        var empty = await client.Scans.CompleteScanAsync(scan.Id);

        Assert.Equal("one-of", unknownModel.InvalidParams!.Single().Code);
        Assert.Equal(["target-out-of-range", "unknown-category"], badTargets.Problem()!.InvalidParams!.Select(p => p.Code).Order());
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        Assert.Equal("no-respondents", empty.Problem()!.Code);
        Assert.Equal(ScanStatus.Open, (await client.Scans.GetScanAsync(scan.Id)).Content!.Status);
    }

    [Fact]
    public async Task Creating_a_scan_twice_with_one_idempotency_key_creates_one_and_readers_cannot_write()
    {
        var tenant = ApiFixture.NewTenant();
        var writer = await api.ClientAsync(tenant);
        var reader = await api.ClientAsync(tenant, "scans:read");
        var organisation = (await writer.Organisations.CreateOrganisationAsync(Municipality("Gemeente Eenmaal"))).Content!;
        var key = Guid.NewGuid().ToString();

        var first = await writer.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel }, idempotencyKey: key);
        var retry = await writer.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = FullModel }, idempotencyKey: key);
        var answer = await reader.Scans.SaveScanResponseAsync(first.Content!.Id, "r1", new AnswerScanRequest { Answers = [new QuestionAnswer { QuestionId = "lead-1", Value = 3 }] });
        var badRespondent = await writer.Scans.SaveScanResponseAsync(first.Content.Id, "Jan de Vries", new AnswerScanRequest { Answers = [] });

        Assert.Equal(first.Content.Id, retry.Content!.Id);
        Assert.Single((await reader.Scans.ListScansAsync(organisation.Id)).Content!.Items);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Scans.CompleteScanAsync(first.Content.Id)).StatusCode);
        Assert.Equal("respondentId", badRespondent.Problem()!.InvalidParams!.Single().Name);
    }
}
