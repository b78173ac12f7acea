using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Data.Tenants;
using Datawijs.Domain.Maturity;

namespace Datawijs.Data.Tests;

/// <summary>Scan storage per provider: SQLite always, SQL Server when DATAWIJS_TEST_SQLSERVER is set.</summary>
public abstract class ScanRepositoryTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);

    private TestDatabase? _database;

    private TestDatabase Database => _database ??= TestDatabase.Create(provider);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(Guid Tenant, Guid Organisation)> OrganisationAsync(string slug, string kind = "municipality", int? inhabitants = 48_000)
    {
        var (tenant, _) = await new TenantRepository(Database.Connections).EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = slug, Name = slug, CreatedAt = T0 });
        var organisation = new OrganisationRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, Name = "Org " + slug, Kind = kind, Inhabitants = inhabitants, CreatedAt = T0, UpdatedAt = T0 };
        await new OrganisationRepository(Database.Connections).AddAsync(organisation);
        return (tenant.Id, organisation.Id);
    }

    private static ScanRow Scan(Guid tenant, Guid organisation, DateTimeOffset at, string modelId = DefaultMaturityModels.QuickV1Id) => new()
    {
        Id = Guid.CreateVersion7(at), TenantId = tenant, OrganisationId = organisation, ModelId = modelId, ModelVersion = 1,
        Targets = ScanJson.WriteTargets(new Dictionary<string, int> { ["culture"] = 3 }), CreatedAt = at,
    };

    private static ScanResponseRow Response(ScanRow scan, string respondent, int value) => new()
    {
        TenantId = scan.TenantId, ScanId = scan.Id, RespondentId = respondent, Role = "beleid",
        Answers = ScanJson.WriteAnswers(new Dictionary<string, int?> { ["q1"] = value, ["q2"] = null }), CreatedAt = T0, UpdatedAt = T0,
    };

    private static string ScoreOf(IReadOnlyList<ScanResponseRow> responses)
    {
        var model = DefaultMaturityModels.QuickV1;
        var answers = responses.Select(r => new RespondentAnswers(r.RespondentId,
            model.AllQuestions().Take(3).ToDictionary(q => q.Question.Id, _ => (int?)ScanJson.ReadAnswers(r.Answers)["q1"]))).ToList();
        return ScanJson.WriteScore(MaturityScorer.Score(model, answers));
    }

    [Fact]
    public async Task Answers_are_replaced_while_open_and_refused_after_completion()
    {
        var (tenant, organisation) = await OrganisationAsync("scan-a");
        var repository = new ScanRepository(Database.Connections);
        var scan = Scan(tenant, organisation, T0);
        await repository.AddAsync(scan);

        Assert.True(await repository.SaveResponseAsync(Response(scan, "r1", 2)));
        Assert.True(await repository.SaveResponseAsync(Response(scan, "r1", 4)));
        Assert.True(await repository.SaveResponseAsync(Response(scan, "r2", 3)));
        var responses = await repository.ListResponsesAsync(tenant, scan.Id);
        Assert.Equal(["r1", "r2"], responses.Select(r => r.RespondentId));
        Assert.Equal(4, ScanJson.ReadAnswers(responses[0].Answers)["q1"]);
        Assert.Null(ScanJson.ReadAnswers(responses[0].Answers)["q2"]);

        Assert.Equal(CompletionOutcome.Completed, await repository.CompleteAsync(tenant, scan.Id, T0.AddHours(1), ScoreOf));
        Assert.False(await repository.SaveResponseAsync(Response(scan, "r3", 5)));
        Assert.Equal(CompletionOutcome.AlreadyCompleted, await repository.CompleteAsync(tenant, scan.Id, T0.AddHours(2), ScoreOf));

        var stored = await repository.FindAsync(tenant, scan.Id);
        Assert.Equal(T0.AddHours(1), stored!.CompletedAt);
        Assert.Equal(2, (await repository.ListResponsesAsync(tenant, scan.Id)).Count);
        var score = ScanJson.ReadScore(stored.Score!);
        Assert.Equal(ScoreOf(responses), ScanJson.WriteScore(score));
        Assert.Equal(3.5, score.Overall);
    }

    [Fact]
    public async Task Another_tenant_can_neither_read_answer_nor_complete_a_scan()
    {
        var (tenant, organisation) = await OrganisationAsync("scan-b");
        var (stranger, _) = await OrganisationAsync("scan-c");
        var repository = new ScanRepository(Database.Connections);
        var scan = Scan(tenant, organisation, T0);
        await repository.AddAsync(scan);

        Assert.Null(await repository.FindAsync(stranger, scan.Id));
        Assert.False(await repository.SaveResponseAsync(new ScanResponseRow { TenantId = stranger, ScanId = scan.Id, RespondentId = "x", Answers = "{}", CreatedAt = T0, UpdatedAt = T0 }));
        Assert.Equal(CompletionOutcome.NotFound, await repository.CompleteAsync(stranger, scan.Id, T0, ScoreOf));
        Assert.Empty(await repository.ListResponsesAsync(tenant, scan.Id));
    }

    [Fact]
    public async Task Completion_without_respondents_leaves_the_scan_open()
    {
        var (tenant, organisation) = await OrganisationAsync("scan-d");
        var repository = new ScanRepository(Database.Connections);
        var scan = Scan(tenant, organisation, T0);
        await repository.AddAsync(scan);

        Assert.Equal(CompletionOutcome.NoRespondents, await repository.CompleteAsync(tenant, scan.Id, T0, ScoreOf));
        Assert.Null((await repository.FindAsync(tenant, scan.Id))!.CompletedAt);
        Assert.True(await repository.SaveResponseAsync(Response(scan, "r1", 3)));
    }

    [Fact]
    public async Task Scores_are_paged_per_tenant_and_benchmarks_see_every_tenant()
    {
        var (a, orgA) = await OrganisationAsync("scan-e");
        var (b, orgB) = await OrganisationAsync("scan-f", "partner", null);
        var repository = new ScanRepository(Database.Connections);
        var completed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var scan = Scan(a, orgA, T0.AddMinutes(i));
            await repository.AddAsync(scan);
            await repository.SaveResponseAsync(Response(scan, "r1", i + 1));
            await repository.CompleteAsync(a, scan.Id, T0.AddHours(i), ScoreOf);
            completed.Add(scan.Id);
        }

        var open = Scan(a, orgA, T0.AddMinutes(9));
        await repository.AddAsync(open);
        var other = Scan(b, orgB, T0);
        await repository.AddAsync(other);
        await repository.SaveResponseAsync(Response(other, "r1", 5));
        await repository.CompleteAsync(b, other.Id, T0, ScoreOf);

        var seen = new List<Guid>();
        PageCursor? cursor = null;
        do
        {
            var page = await repository.ScoresPageAsync(a, null, null, cursor, 2);
            seen.AddRange(page.Items.Select(s => s.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(completed, seen);
        var since = await repository.ScoresPageAsync(a, DefaultMaturityModels.QuickV1Id, T0.AddHours(1), null, 10);
        Assert.Equal(completed[1..], since.Items.Select(s => s.Id));
        Assert.Equal("Org scan-e", since.Items[0].OrganisationName);
        Assert.Empty((await repository.ScoresPageAsync(a, DefaultMaturityModels.FullV1Id, null, null, 10)).Items);
        Assert.Equal(completed, (await repository.CompletedForOrganisationAsync(a, orgA)).Select(s => s.Id));

        var across = await repository.CompletedForModelAcrossTenantsAsync(DefaultMaturityModels.QuickV1Id);
        Assert.Equal(4, across.Count);
        Assert.Contains(across, s => s.OrganisationKind == "partner" && s.OrganisationInhabitants is null);
    }
}

public sealed class SqliteScanRepositoryTests() : ScanRepositoryTests(DatabaseProvider.Sqlite);

/// <summary>Runs only when DATAWIJS_TEST_SQLSERVER is set.</summary>
public sealed class SqlServerScanRepositoryTests : ScanRepositoryTests
{
    public SqlServerScanRepositoryTests()
        : base(DatabaseProvider.SqlServer)
    {
        Assert.SkipUnless(TestDatabase.SqlServerConfigured, $"Set {TestDatabase.SqlServerVariable} to a SQL Server connection string to run these.");
    }
}
