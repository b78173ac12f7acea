using System.Net;
using Datawijs.Api.Demo;
using Datawijs.Client;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// docs/client.md, step by step, against the demo's published profiles: if the guide's code stops compiling or
/// stops doing what the guide says, this fails. Keep the two in the same order.
/// </summary>
public sealed class ClientGuideTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Reason = "Intake schuldhulpverlening, gesprek 12 november";

    private static CreateAssignmentRequest Ask() => new()
    {
        SubjectId = "999990019",
        Features = new Dictionary<string, FeatureValue>
        {
            ["benefitType"] = "socialAssistance",
            ["disposableIncome"] = 16_800,
            ["education"] = "low",
            ["housing"] = "rentWithAllowance",
            ["householdType"] = "singleParent",
            ["children"] = 2,
            ["youthCare"] = "yes",
            ["wmoSupport"] = "no",
            ["age"] = 34,
        },
    };

    private async Task<(ServiceProvider Provider, string Tenant)> DemoAsync()
    {
        var tenant = TestApiHost.CitizenTenant();
        var issued = await api.Host.AddClientAsync(tenant, "assignments:write", "objections:review");
        Assert.True(await api.Host.Services.GetRequiredService<DemoProfiles>().EnsureAsync((await api.Host.FindTenantAsync(tenant))!.Id));

        // 1. Register the client in DI.
        var services = new ServiceCollection();
        var builders = services.AddDatawijsClient(new Uri("http://localhost"), issued.ClientId, issued.Secret, primaryHandler: () => api.Host.Server.CreateHandler());
        Assert.Equal(DatawijsClient.ApiTypes.Count, builders.Count);
        return (services.BuildServiceProvider(), tenant);
    }

    [Fact]
    public async Task The_guide_runs_advice_retry_decision_problem_and_access_log_for_two_case_workers_through_one_client()
    {
        var (provider, tenant) = await DemoAsync();
        await using var _ = provider;
        var datawijs = provider.GetRequiredService<DatawijsClient>();

        // 2. and 4. One client, the person per call; a retry with the same key returns the first advice.
        var caseWorker = datawijs.As("mw-042", "J. de Vries, klantmanager");
        var key = Guid.NewGuid().ToString();
        var first = await caseWorker.Assignments.CreateAssignmentAsync(Ask(), idempotencyKey: key, auditReason: Reason).OrThrow();
        var retry = await caseWorker.Assignments.CreateAssignmentAsync(Ask(), idempotencyKey: key, auditReason: Reason).OrThrow();
        Assert.Equal(first.Id, retry.Id);

        // 3. The advice explains itself with typed feature values.
        Assert.Equal("Jonge alleenstaande ouders in de bijstand", first.ProfileName);
        var age = first.Contributions!.Single(c => c.Feature == "age");
        Assert.Equal(34, age.SubjectValue.AsNumber());
        Assert.True(age.ProfileValue.IsNumber);
        Assert.Equal("singleParent", first.Contributions!.Single(c => c.Feature == "householdType").SubjectValue.AsText());

        // 6. Another case worker decides, through the same client.
        var decision = await datawijs.As("mw-107", "A. Bakker, klantmanager").Assignments
            .DecideAssignmentAsync(first.Id, new DecideAssignmentRequest
            {
                Outcome = AssignmentDecisionOutcome.Deviates,
                Reasoning = "Werkt sinds kort 20 uur; de situatie is veranderd.",
            }, auditReason: Reason).OrThrow();
        Assert.Equal("mw-107", decision.UserId);
        Assert.Equal("A. Bakker, klantmanager", decision.UserRepresentation);

        // Without a person the API refuses a decision: calls on datawijs itself carry none here.
        var anonymous = await Assert.ThrowsAsync<DatawijsProblemException>(() => datawijs.Assignments.DecideAssignmentAsync(
            retry.Id, new DecideAssignmentRequest { Outcome = AssignmentDecisionOutcome.Follows, Reasoning = "Past." }).OrThrow());
        Assert.Equal("user-required", anonymous.Code);

        // 7. Problems as an exception with every invalid field.
        var incomplete = Ask().Features.Where(f => f.Key != "age").ToDictionary();
        var problem = await Assert.ThrowsAsync<DatawijsProblemException>(() => caseWorker.Assignments.CreateAssignmentAsync(Ask() with { Features = incomplete }).OrThrow());
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains(problem.InvalidParams, p => p.Name.Contains("age", StringComparison.Ordinal));

        // 5. The citizen reads who looked, and why: the case worker and the reason given.
        var log = (await api.Citizen(tenant, "999990019").CitizenPortal.GetCitizenAccessLogAsync()).OrThrow().Items;
        Assert.Contains(log, e => e.Reason == Reason && e.Person == "J. de Vries, klantmanager");
        Assert.Contains(log, e => e.Reason == Reason && e.Person == "A. Bakker, klantmanager");
    }

    [Fact]
    public async Task The_guide_pages_csv_to_the_end_by_following_link()
    {
        var reader = await api.ClientAsync(ApiFixture.NewTenant());
        var questions = (await reader.MaturityModels.GetMaturityModelAsync("dmm-quick-v1")).OrThrow().Categories.SelectMany(c => c.Questions).Select(q => q.Id).ToList();
        var (client, _, _) = await BenchmarkTests.ScannedOrganisationAsync(api, questions, 3);
        var organisation = (await client.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest { Name = "Gemeente Twee", Kind = OrganisationKind.Municipality, Inhabitants = 20_000 })).OrThrow();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var scan = (await client.Scans.CreateScanAsync(organisation.Id, new CreateScanRequest { ModelId = ModelId.DmmQuickV1 })).OrThrow();
            await client.Scans.SaveScanResponseAsync(scan.Id, "r1", new AnswerScanRequest { Answers = questions.Select(q => new QuestionAnswer { QuestionId = q, Value = 2 }).ToList() }).OrThrow();
            await client.Scans.CompleteScanAsync(scan.Id).OrThrow();
        }

        // 9. One scan per page: three pages, the header once, every category row of every scan.
        var pages = new List<string>();
        await foreach (var page in CsvPager.PagesAsync((cursor, ct) => client.Scans.ListScoresAsCsvAsync(limit: 1, cursor: cursor, cancellationToken: ct)))
        {
            pages.Add(page);
        }

        var lines = new List<string>();
        await foreach (var line in CsvPager.LinesAsync((cursor, ct) => client.Scans.ListScoresAsCsvAsync(limit: 1, cursor: cursor, cancellationToken: ct)))
        {
            lines.Add(line);
        }

        Assert.Equal(3, pages.Count);
        Assert.StartsWith("scanId,", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("scanId,", StringComparison.Ordinal));
        var json = (await client.Scans.ListScoresAsync(limit: 500)).OrThrow();
        Assert.Equal(json.Items.Sum(i => i.Categories.Count), lines.Count - 1);
    }
}
