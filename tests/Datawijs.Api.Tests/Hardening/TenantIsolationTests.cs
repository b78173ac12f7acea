using System.Net;
using System.Text.Json.Nodes;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// For every operation of the contract that takes an id (in its path or as a uuid in its body),
/// another tenant's id answers 404 problem+json and changes nothing. The operations come from the
/// checked-in contract, so a new operation is in the matrix as soon as it is in the contract; one
/// whose id this suite cannot place fails until it is added to the tables below.
/// </summary>
public sealed class TenantIsolationTests(TenantIsolationFixture fixture) : IClassFixture<TenantIsolationFixture>
{
    /// <summary>Which owned resource a path parameter names, keyed by the segment before it and the parameter.</summary>
    private static readonly Dictionary<string, string> PathResources = new(StringComparer.Ordinal)
    {
        ["organisations/{id}"] = IsolationWorld.Organisation,
        ["scans/{scanId}"] = IsolationWorld.Scan,
        ["responses/{respondentId}"] = IsolationWorld.Respondent,
        ["datasets/{id}"] = IsolationWorld.Dataset,
        ["clusterings/{id}"] = IsolationWorld.Clustering,
        ["profile-sets/{id}"] = IsolationWorld.ProfileSet,
        ["profiles/{profileId}"] = IsolationWorld.Profile,
        ["assignments/{id}"] = IsolationWorld.Assignment,
        ["objections/{id}"] = IsolationWorld.Objection,
    };

    /// <summary>Path parameters that name nothing a tenant owns, and why.</summary>
    private static readonly Dictionary<string, string> NotTenantOwned = new(StringComparer.Ordinal)
    {
        ["maturity-models/{modelId}"] = "the questionnaires are one shared, versioned catalogue that no tenant owns",
        ["public/{tenant}"] = "a tenant's slug names its own public page, open to anyone by design; "
            + nameof(A_public_page_shows_only_its_own_tenant_and_lists_show_no_other_tenants_ids) + " covers it",
    };

    /// <summary>Which owned resource a uuid property of a request body names.</summary>
    private static readonly Dictionary<string, string> BodyResources = new(StringComparer.Ordinal)
    {
        ["clusteringId"] = IsolationWorld.Clustering,
    };

    /// <summary>Bodies whose contract sample would be refused by validation, so the tenant check would not be reached.</summary>
    private static readonly Dictionary<string, Func<IsolationWorld, JsonObject>> ValidBodies = new(StringComparer.Ordinal)
    {
        ["CreateScanRequest"] = _ => new JsonObject { ["modelId"] = IsolationWorld.QuickModel },
        ["CreateClusteringRequest"] = _ => new JsonObject { ["k"] = 2, ["seed"] = 1 },
        ["ReviewProfileSetFairnessRequest"] = _ => new JsonObject { ["reasoning"] = "Besproken met de privacy officer; het profiel blijft zo." },
        ["AnswerScanRequest"] = world => new JsonObject
        {
            ["answers"] = new JsonArray(new JsonObject { ["questionId"] = world.QuestionIds[0], ["value"] = 1 }),
        },
    };

    private sealed record MatrixOperation(Contract.Operation Operation, IReadOnlyList<(string Parameter, string Resource)> PathIds, IReadOnlyList<(string Property, string Resource)> BodyIds);

    [Fact]
    public void Every_id_in_the_contract_is_placed_in_the_isolation_tables()
    {
        var (_, unknown) = Matrix();

        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public async Task Another_tenants_id_answers_404_problem_and_changes_nothing_for_every_operation_that_takes_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, owner, stranger) = (fixture.World, fixture.World.Owner, fixture.Stranger);
        var (matrix, unknown) = Matrix();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));

        // Not vacuous: every read names a real resource of the owner, and the matrix holds every id-taking operation.
        var reads = matrix.Where(m => m.Operation.Method == "GET" && m.BodyIds.Count == 0).ToList();
        var ownerViewBefore = await ReadAllAsync(owner, world, reads, ct);
        var idTaking = Contract.Operations.Count(o => TakesAnOwnedId(o));
        Assert.True(matrix.Count >= idTaking, $"the matrix covers {matrix.Count} operations, the contract has {idTaking} that take an id");
        Assert.True(reads.Count > 0 && matrix.Count > reads.Count, "the matrix has reads and writes");

        var databaseBefore = await DatabaseSnapshot.TakeAsync(fixture.Host.DatabasePath, fixture.StrangerTenant, ct);
        var failures = new List<string>();
        var calls = 0;
        foreach (var entry in matrix)
        {
            foreach (var @case in world.Cases)
            {
                using var content = Body(entry, world, @case);
                using var response = await stranger.SendAsync(new HttpMethod(entry.Operation.Method), Path(entry, @case), content, Headers(entry.Operation), ct);
                calls++;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (response.StatusCode != HttpStatusCode.NotFound || mediaType != "application/problem+json")
                {
                    var text = await response.Content.ReadAsStringAsync(ct);
                    failures.Add($"{entry.Operation} [{@case}] as another tenant: {(int)response.StatusCode} {mediaType} {(text.Length > 300 ? text[..300] : text)}");
                }
            }
        }

        var databaseAfter = await DatabaseSnapshot.TakeAsync(fixture.Host.DatabasePath, fixture.StrangerTenant, ct);
        var ownerViewAfter = await ReadAllAsync(owner, world, reads, ct);
        failures.AddRange(DatabaseSnapshot.Differences(databaseBefore, databaseAfter).Select(d => "another tenant's calls changed " + d));

        // Nor may the stranger have created something of its own that hangs off the owner's resources.
        var strangerRows = await DatabaseSnapshot.OwnRowsAsync(fixture.Host.DatabasePath, fixture.StrangerTenant, ct);
        failures.AddRange(from table in strangerRows
                          from id in world.AllIds
                          where table.Value.Contains(id, StringComparison.OrdinalIgnoreCase)
                          select $"another tenant's own rows in {table.Key} name the owner's id {id}");
        failures.AddRange(ownerViewBefore.Where(r => ownerViewAfter[r.Key] != r.Value).Select(r => $"the owner's view of {r.Key} changed"));

        Assert.Equal(matrix.Count * world.Cases.Count, calls);
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} cross-tenant calls ({matrix.Count} operations x {world.Cases.Count} cases) failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_public_page_shows_only_its_own_tenant_and_lists_show_no_other_tenants_ids()
    {
        var ct = TestContext.Current.CancellationToken;
        var (http, world, owner, stranger) = (fixture.Http, fixture.World, fixture.World.Owner, fixture.Stranger);
        var ownerIds = world.AllIds;
        var failures = new List<string>();

        foreach (var operation in Contract.Operations.Where(o => o.Method == "GET" && o.PathTemplate.Contains("{tenant}", StringComparison.Ordinal)))
        {
            using var own = await http.GetAsync(operation.PathTemplate.Replace("{tenant}", owner.Slug, StringComparison.Ordinal), ct);
            using var other = await http.GetAsync(operation.PathTemplate.Replace("{tenant}", stranger.Slug, StringComparison.Ordinal), ct);
            var ownText = await own.Content.ReadAsStringAsync(ct);
            var otherText = await other.Content.ReadAsStringAsync(ct);
            if (own.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{operation} for its own tenant: {(int)own.StatusCode} (the check below would prove nothing)");
            }

            failures.AddRange(ownerIds.Where(id => otherText.Contains(id, StringComparison.OrdinalIgnoreCase)).Select(id => $"{operation} of another tenant shows the owner's id {id}"));
            if (ownText == otherText)
            {
                failures.Add($"{operation} shows the same page for both tenants");
            }
        }

        // Lists and searches take no id but must not show another tenant's resources either.
        foreach (var operation in Contract.Operations.Where(o => o.Method == "GET" && o.Secured && !o.Parameters("path").Any()))
        {
            var query = string.Join('&', operation.Parameters("query")
                .Where(p => p["required"]?.GetValue<bool>() == true)
                .Select(p => p["name"]!.GetValue<string>() + "=" + Uri.EscapeDataString(Contract.Sample(p["schema"]!, new Random(1))!.ToString())));
            var url = operation.PathTemplate + (query.Length > 0 ? "?" + query : "");
            // The citizen endpoints take the citizen's token: the same person through the stranger's broker.
            using var response = operation.IsCitizen
                ? await stranger.SendAsCitizenAsync(world.AdvisedSubject, HttpMethod.Get, url, null, Headers(operation), ct)
                : await stranger.SendAsync(HttpMethod.Get, url, null, Headers(operation), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            // The stranger has no published profile set of its own: the owner's feature catalogue must not answer instead.
            var ownSetMissing = response.StatusCode == HttpStatusCode.NotFound && text.Contains("\"no-published-profile-set\"", StringComparison.Ordinal);
            if (response.StatusCode != HttpStatusCode.OK && !ownSetMissing)
            {
                failures.Add($"{operation} as another tenant: {(int)response.StatusCode} {text}");
            }

            failures.AddRange(ownerIds.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)).Select(id => $"{operation} as another tenant shows the owner's id {id}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_subject_with_advice_from_one_tenant_is_unknown_to_another()
    {
        var ct = TestContext.Current.CancellationToken;
        var subject = fixture.World.AdvisedSubject;
        var headers = new Dictionary<string, string> { ["X-Audit-Toelichting"] = "Controle op scheiding tussen gemeenten" };

        // The same person, logged in through each municipality's own broker.
        async Task<(HttpStatusCode Status, JsonNode? Json)> AskAsync(TenantCaller caller, string path)
        {
            using var response = await caller.SendAsCitizenAsync(subject, HttpMethod.Get, path, null, headers, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }

        var ownExplanation = await AskAsync(fixture.World.Owner, "/api/v1/citizen/explanation");
        var ownLog = await AskAsync(fixture.World.Owner, "/api/v1/citizen/access-log");
        var otherExplanation = await AskAsync(fixture.Stranger, "/api/v1/citizen/explanation");
        var otherLog = await AskAsync(fixture.Stranger, "/api/v1/citizen/access-log");

        Assert.Equal(HttpStatusCode.OK, ownExplanation.Status);
        Assert.Equal("advice", ownExplanation.Json!["status"]!.GetValue<string>());
        Assert.NotEmpty(ownLog.Json!["items"]!.AsArray());
        // The stranger has nothing on this person: an empty answer, the same status, and no log row written.
        Assert.Equal(HttpStatusCode.OK, otherExplanation.Status);
        Assert.Equal("none", otherExplanation.Json!["status"]!.GetValue<string>());
        Assert.Null(otherExplanation.Json["advice"]);
        Assert.Equal(HttpStatusCode.OK, otherLog.Status);
        Assert.Empty(otherLog.Json!["items"]!.AsArray());
        Assert.Contains(ownLog.Json!["items"]!.AsArray(), entry => entry!["organisation"]!.GetValue<string>() == "Test tenant " + fixture.World.Owner.Slug);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_another_tenant_is_a_new_request_not_a_replay_of_the_owners()
    {
        var ct = TestContext.Current.CancellationToken;
        using var content = TenantCaller.Json(IsolationWorld.OrganisationBody);

        using var response = await fixture.Stranger.SendAsync(HttpMethod.Post, "/api/v1/organisations", content,
            new Dictionary<string, string> { ["Idempotency-Key"] = IsolationWorld.OrganisationIdempotencyKey }, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["id"]!.GetValue<string>();
        Assert.DoesNotContain(id, fixture.World.AllIds);
    }

    /// <summary>The id-taking operations of the contract, and a message for every id the tables cannot place.</summary>
    private static (IReadOnlyList<MatrixOperation> Matrix, IReadOnlyList<string> Unknown) Matrix()
    {
        var matrix = new List<MatrixOperation>();
        var unknown = new List<string>();
        foreach (var operation in Contract.Operations)
        {
            var pathIds = new List<(string, string)>();
            foreach (var key in PathParameterKeys(operation.PathTemplate))
            {
                if (PathResources.TryGetValue(key, out var resource))
                {
                    pathIds.Add((key[(key.IndexOf('{', StringComparison.Ordinal) + 1)..^1], resource));
                }
                else if (!NotTenantOwned.ContainsKey(key))
                {
                    unknown.Add($"{operation}: path parameter '{key}' is not in the tenant isolation matrix; add the resource it names to "
                        + $"{nameof(TenantIsolationTests)}.{nameof(PathResources)} (and create one in {nameof(IsolationWorld)}), or to {nameof(NotTenantOwned)} with the reason.");
                }
            }

            var bodyIds = new List<(string, string)>();
            foreach (var property in UuidProperties(operation))
            {
                if (BodyResources.TryGetValue(property, out var resource))
                {
                    bodyIds.Add((property, resource));
                }
                else
                {
                    unknown.Add($"{operation}: body property '{property}' is a uuid that is not in the tenant isolation matrix; add the resource it names to "
                        + $"{nameof(TenantIsolationTests)}.{nameof(BodyResources)}.");
                }
            }

            if (pathIds.Count > 0 || bodyIds.Count > 0)
            {
                matrix.Add(new MatrixOperation(operation, pathIds, bodyIds));
            }
        }

        return (matrix, unknown);
    }

    /// <summary>Counted independently of the tables: every path parameter not declared shared, and every uuid in a body.</summary>
    private static bool TakesAnOwnedId(Contract.Operation operation) =>
        PathParameterKeys(operation.PathTemplate).Any(k => !NotTenantOwned.ContainsKey(k)) || UuidProperties(operation).Any();

    /// <summary>"scans/{scanId}" for each parameter of "/api/v1/scans/{scanId}/score".</summary>
    private static IEnumerable<string> PathParameterKeys(string template)
    {
        var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                yield return segments[i - 1] + "/" + segments[i];
            }
        }
    }

    private static IEnumerable<string> UuidProperties(Contract.Operation operation) =>
        operation.JsonBodySchema is { } schema && Contract.Resolve(schema)["properties"] is JsonObject properties
            ? properties.Where(p => Contract.Resolve(p.Value!)["format"]?.GetValue<string>() == "uuid").Select(p => p.Key)
            : [];

    private static string Path(MatrixOperation entry, IsolationCase @case)
    {
        var path = entry.Operation.PathTemplate;
        foreach (var (parameter, resource) in entry.PathIds)
        {
            path = path.Replace("{" + parameter + "}", Uri.EscapeDataString(@case.Ids[resource]), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>A body that validation accepts, naming the owner's resources where it takes ids.</summary>
    private static StringContent? Body(MatrixOperation entry, IsolationWorld world, IsolationCase @case)
    {
        var mediaTypes = entry.Operation.Definition["requestBody"]?["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
        if (mediaTypes.Count == 0)
        {
            return null;
        }

        if (entry.Operation.JsonBodySchema is not { } schema)
        {
            return mediaTypes.Contains("text/csv")
                ? IsolationWorld.CsvContent(20)
                : throw new InvalidOperationException($"{entry.Operation}: no valid body known for {string.Join(", ", mediaTypes)}.");
        }

        var schemaName = schema["$ref"]?.GetValue<string>().Split('/')[^1] ?? "";
        var body = ValidBodies.TryGetValue(schemaName, out var valid) ? valid(world) : Contract.Sample(schema, new Random(ContractFuzzTests.Seed))!.AsObject();
        foreach (var (property, resource) in entry.BodyIds)
        {
            body[property] = @case.Ids[resource];
        }

        return TenantCaller.Json(body);
    }

    private static Dictionary<string, string> Headers(Contract.Operation operation)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in operation.Parameters("header").Select(p => p["name"]!.GetValue<string>()))
        {
            if (name == "Idempotency-Key")
            {
                headers[name] = Guid.NewGuid().ToString();
            }
            else if (name == "X-Audit-Toelichting")
            {
                headers[name] = "Controle op scheiding tussen gemeenten";
            }
        }

        return headers;
    }

    /// <summary>The owner's view through every read of the matrix; each must find the resource (not 404).</summary>
    private static async Task<Dictionary<string, string>> ReadAllAsync(TenantCaller owner, IsolationWorld world, IReadOnlyList<MatrixOperation> reads, CancellationToken ct)
    {
        var view = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in reads)
        {
            foreach (var @case in world.Cases)
            {
                var path = Path(entry, @case);
                using var response = await owner.SendAsync(HttpMethod.Get, path, null, Headers(entry.Operation), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                Assert.True(response.StatusCode != HttpStatusCode.NotFound && (int)response.StatusCode < 500,
                    $"{entry.Operation} [{@case}] as the owner: {(int)response.StatusCode} {text} — the id does not name a real resource, so the 404 for another tenant would prove nothing");
                view[$"GET {path}"] = $"{(int)response.StatusCode} {text}";
            }
        }

        return view;
    }
}
