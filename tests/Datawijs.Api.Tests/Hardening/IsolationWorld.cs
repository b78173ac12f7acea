using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// One resource of every kind that a path or body can name, owned by one tenant and created through
/// the API as that tenant. Each kind exists in two states (<see cref="Cases"/>), because a missing
/// tenant check often hides behind a state check: a 409 "already completed" to a stranger is a leak too.
/// Synthetic data only.
/// </summary>
public sealed class IsolationWorld
{
    public const string Organisation = "organisation";
    public const string Scan = "scan";
    public const string Respondent = "respondent";
    public const string Dataset = "dataset";
    public const string Clustering = "clustering";
    public const string ProfileSet = "profile-set";
    public const string Profile = "profile";
    public const string Assignment = "assignment";
    public const string Objection = "objection";

    public const string QuickModel = "dmm-quick-v1";

    /// <summary>The Idempotency-Key the owner created its organisation with; keys are the caller's, so another tenant may use the same one.</summary>
    public const string OrganisationIdempotencyKey = "0195d6a8-c1a4-7c2f-9f3a-5e6b7c8d9e0f";
    public const string RespondentId = "respondent-1";
    private const int Households = 100;

    private IsolationWorld(TenantCaller owner, IReadOnlyList<IsolationCase> cases, IReadOnlyList<string> questionIds)
    {
        Owner = owner;
        Cases = cases;
        QuestionIds = questionIds;
    }

    /// <summary>The (synthetic) subject who has advice from the owner: subject identifiers travel in bodies, not paths.</summary>
    public string AdvisedSubject => SubjectId(Owner, 1);

    public static JsonObject OrganisationBody => new() { ["name"] = "Gemeente Voorbeeld", ["kind"] = "municipality", ["inhabitants"] = 50_000, ["region"] = "Utrecht" };

    public TenantCaller Owner { get; }

    /// <summary>"fresh": open scan, draft set, undecided advice, open objection; "settled": completed, published, decided, reviewed.</summary>
    public IReadOnlyList<IsolationCase> Cases { get; }

    public IReadOnlyList<string> QuestionIds { get; }

    /// <summary>Every id of the owner's resources, to look for in what another tenant gets to see.</summary>
    public IReadOnlySet<string> AllIds => Cases.SelectMany(c => c.Ids.Where(kv => kv.Key != Respondent).Select(kv => kv.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static async Task<IsolationWorld> BuildAsync(TenantCaller owner, CancellationToken ct)
    {
        JsonObject organisation;
        using (var content = TenantCaller.Json(OrganisationBody))
        using (var created = await owner.SendAsync(HttpMethod.Post, "/api/v1/organisations", content, new Dictionary<string, string> { ["Idempotency-Key"] = OrganisationIdempotencyKey }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            organisation = JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!.AsObject();
        }

        var organisationId = Id(organisation);

        var model = await owner.JsonAsync(HttpMethod.Get, "/api/v1/maturity-models/" + QuickModel, null, HttpStatusCode.OK, ct);
        var questionIds = model["categories"]!.AsArray().SelectMany(c => c!["questions"]!.AsArray().Select(q => q!["id"]!.GetValue<string>())).ToList();
        var openScan = await AnsweredScanAsync(owner, organisationId, questionIds, ct);
        var completedScan = await AnsweredScanAsync(owner, organisationId, questionIds, ct);
        await owner.JsonAsync(HttpMethod.Post, $"/api/v1/scans/{completedScan}/completion", null, HttpStatusCode.OK, ct);

        var dataset = Id(await owner.JsonAsync(HttpMethod.Post, "/api/v1/datasets", Declaration("Voedselbank met records"), HttpStatusCode.Created, ct));
        var emptyDataset = Id(await owner.JsonAsync(HttpMethod.Post, "/api/v1/datasets", Declaration("Voedselbank zonder records"), HttpStatusCode.Created, ct));
        using (var csv = CsvContent(Households))
        {
            await owner.ExpectAsync(HttpMethod.Post, $"/api/v1/datasets/{dataset}/records", csv, HttpStatusCode.OK, ct);
        }

        var draftClustering = Id(await owner.JsonAsync(HttpMethod.Post, $"/api/v1/datasets/{dataset}/clusterings", new JsonObject { ["k"] = 3, ["seed"] = 3, ["restarts"] = 1 }, HttpStatusCode.Accepted, ct));
        var publishedClustering = Id(await owner.JsonAsync(HttpMethod.Post, $"/api/v1/datasets/{dataset}/clusterings", new JsonObject { ["k"] = 3, ["seed"] = 4, ["restarts"] = 1 }, HttpStatusCode.Accepted, ct));
        await SucceededAsync(owner, draftClustering, ct);
        await SucceededAsync(owner, publishedClustering, ct);

        var draft = await owner.JsonAsync(HttpMethod.Post, "/api/v1/profile-sets", new JsonObject { ["clusteringId"] = draftClustering }, HttpStatusCode.Created, ct);
        var published = await owner.JsonAsync(HttpMethod.Post, "/api/v1/profile-sets", new JsonObject { ["clusteringId"] = publishedClustering }, HttpStatusCode.Created, ct);
        foreach (var profile in published["view"]!["profiles"]!.AsArray())
        {
            var number = profile!["number"]!.GetValue<int>();
            await owner.JsonAsync(HttpMethod.Patch, $"/api/v1/profile-sets/{Id(published)}/profiles/{Id(profile)}", new JsonObject
            {
                ["name"] = new JsonObject { ["nl"] = $"Groep {number}", ["en"] = $"Group {number}" },
                ["description"] = new JsonObject { ["nl"] = $"Huishoudens van groep {number}.", ["en"] = $"Households of group {number}." },
            }, HttpStatusCode.OK, ct);
        }

        await owner.JsonAsync(HttpMethod.Post, $"/api/v1/profile-sets/{Id(published)}/publication", null, HttpStatusCode.OK, ct);

        var advice = Id(await owner.JsonAsync(HttpMethod.Post, "/api/v1/assignments", AssignmentBody(SubjectId(owner, 1)), HttpStatusCode.Created, ct));
        var decided = Id(await owner.JsonAsync(HttpMethod.Post, "/api/v1/assignments", AssignmentBody(SubjectId(owner, 2)), HttpStatusCode.Created, ct));
        await owner.JsonAsync(HttpMethod.Post, $"/api/v1/assignments/{decided}/decisions",
            new JsonObject { ["outcome"] = "follows", ["reasoning"] = "Past bij het gesprek (synthetisch)." }, HttpStatusCode.Created, ct);

        var openObjection = await ObjectAsync(owner, SubjectId(owner, 3), "notMe", ct);
        var reviewedObjection = await ObjectAsync(owner, SubjectId(owner, 4), "doNotWant", ct);
        await owner.JsonAsync(HttpMethod.Post, $"/api/v1/objections/{reviewedObjection}/review",
            new JsonObject { ["outcome"] = "rejected", ["reasoning"] = "Besproken (synthetisch)." }, HttpStatusCode.OK, ct);

        IsolationCase[] cases =
        [
            new("fresh", new Dictionary<string, string>
            {
                [Organisation] = organisationId,
                [Scan] = openScan,
                [Respondent] = RespondentId,
                [Dataset] = dataset,
                [Clustering] = draftClustering,
                [ProfileSet] = Id(draft),
                [Profile] = Id(draft["view"]!["profiles"]![0]!),
                [Assignment] = advice,
                [Objection] = openObjection,
            }),
            new("settled", new Dictionary<string, string>
            {
                [Organisation] = organisationId,
                [Scan] = completedScan,
                [Respondent] = RespondentId,
                [Dataset] = emptyDataset,
                [Clustering] = publishedClustering,
                [ProfileSet] = Id(published),
                [Profile] = Id(published["view"]!["profiles"]![0]!),
                [Assignment] = decided,
                [Objection] = reviewedObjection,
            }),
        ];
        return new IsolationWorld(owner, cases, questionIds);
    }

    /// <summary>The synthetic households as CSV with a header row; subject ids are made up.</summary>
    public static StringContent CsvContent(int count)
    {
        var data = FoodBankHouseholds.Generate(count, 7);
        // With an outflow outcome, so the public outflow pages have something of the owner's to show.
        var (months, left) = FoodBankOutflow.Generate(data, 7);
        var csv = new StringBuilder("subjectId," + string.Join(',', data.Features.Select(f => f.Name).Concat(FoodBankOutflow.Features.Select(f => f.Name))) + "\r\n");
        for (var row = 0; row < count; row++)
        {
            csv.Append("household-").Append(row + 1);
            for (var f = 0; f < data.Features.Count; f++)
            {
                csv.Append(',').Append(Cell(data, f, row));
            }

            csv.Append(',').Append(months[row].ToString(CultureInfo.InvariantCulture)).Append(',').Append(left[row] ? FoodBankOutflow.Left : FoodBankOutflow.StillClient);

            csv.Append("\r\n");
        }

        return new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
    }

    private static async Task<string> AnsweredScanAsync(TenantCaller owner, string organisationId, IReadOnlyList<string> questionIds, CancellationToken ct)
    {
        var scan = Id(await owner.JsonAsync(HttpMethod.Post, $"/api/v1/organisations/{organisationId}/scans", new JsonObject { ["modelId"] = QuickModel }, HttpStatusCode.Created, ct));
        var answers = new JsonArray(questionIds.Select(q => (JsonNode)new JsonObject { ["questionId"] = q, ["value"] = 3 }).ToArray());
        await owner.JsonAsync(HttpMethod.Put, $"/api/v1/scans/{scan}/responses/{RespondentId}", new JsonObject { ["role"] = "beleidsmedewerker", ["answers"] = answers }, HttpStatusCode.OK, ct);
        return scan;
    }

    private static async Task SucceededAsync(TenantCaller owner, string clustering, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await owner.JsonAsync(HttpMethod.Get, "/api/v1/clusterings/" + clustering, null, HttpStatusCode.OK, ct))["status"]!.GetValue<string>();
            if (status == "succeeded")
            {
                return;
            }

            if (status is "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Clustering {clustering} ended {status}, the isolation matrix needs a succeeded one.");
            }

            await Task.Delay(50, ct);
        }
    }

    private static JsonObject Declaration(string name) => new()
    {
        ["name"] = name,
        ["purpose"] = "Tenant isolation test (synthetic data).",
        ["subjectIdKind"] = "other",
        ["retentionUntil"] = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["durationUnit"] = "months",
        ["features"] = new JsonArray(FoodBankHouseholds.Features.Concat(FoodBankOutflow.Features).Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type == FeatureType.Numeric ? "numeric" : "categorical",
            ["values"] = f.Values is null ? null : new JsonArray(f.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["min"] = f.Min,
            ["max"] = f.Max,
            ["role"] = f.Role.ToString().ToLowerInvariant(),
            ["eventValue"] = f.EventValue,
            ["mutable"] = f.Mutable,
        }).ToArray()),
    };

    /// <summary>The clustering features of one synthetic household, as advice asks for them (protected ones are not sent).</summary>
    private static JsonObject AssignmentBody(string subjectId)
    {
        var data = FoodBankHouseholds.Generate(1, 11);
        var features = new JsonObject();
        for (var f = 0; f < data.Features.Count; f++)
        {
            var feature = data.Features[f];
            if (feature.Role == FeatureRole.Clustering)
            {
                features[feature.Name] = feature.Type == FeatureType.Numeric ? JsonValue.Create(data.Matrix.Numeric(f)[0]) : JsonValue.Create(Cell(data, f, 0));
            }
        }

        return new JsonObject { ["subjectId"] = subjectId, ["features"] = features };
    }

    private static string Cell(SyntheticDataset data, int feature, int row) =>
        data.Features[feature].Type == FeatureType.Numeric
            ? data.Matrix.Numeric(feature)[row].ToString(CultureInfo.InvariantCulture)
            : data.Matrix.CategoryValues(feature)[data.Matrix.Categorical(feature)[row]];

    /// <summary>A synthetic BSN per owner and number (advice takes BSNs only).</summary>
    private static string SubjectId(TenantCaller owner, int number) => Datawijs.Tests.Shared.SyntheticBsns.Nth((Math.Abs(owner.Slug.GetHashCode(StringComparison.Ordinal)) % 90 * 20) + number);

    // The citizen objects through the portal, with their own token.
    private static async Task<string> ObjectAsync(TenantCaller owner, string bsn, string kind, CancellationToken ct)
    {
        using var content = TenantCaller.Json(new JsonObject { ["kind"] = kind });
        using var response = await owner.SendAsCitizenAsync(bsn, HttpMethod.Post, "/api/v1/citizen/objections", content, null, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"objection as the owner's citizen: {(int)response.StatusCode} {text}");
        return Id(JsonNode.Parse(text)!);
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}
