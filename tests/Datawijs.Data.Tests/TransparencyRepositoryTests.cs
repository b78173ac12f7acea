using System.Data.Common;
using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Assignments;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Objections;
using Datawijs.Data.Tenants;
using Datawijs.Domain.Assignments;
using Datawijs.Domain.Objections;

namespace Datawijs.Data.Tests;

/// <summary>Assignments, objections and the access log, for each provider (SQL Server only when configured).</summary>
public abstract class TransparencyRepositoryTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    protected TestDatabase Database => _database ??= TestDatabase.Create(provider);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    // The review as the domain makes it; the repository stores what it says, the withdrawal included.
    private static Objection Reviewed(ObjectionRow objection, string outcome, string reasoning, DateTimeOffset at) =>
        objection.ToObjection().Review(new Actor("client", "u1", "A. de Vries"), outcome, reasoning, at).Reviewed!;

    private async Task<TenantRow> TenantAsync(string slug)
    {
        var (tenant, _) = await new TenantRepository(Database.Connections).EnsureAsync(
            new TenantRow { Id = Guid.CreateVersion7(), Slug = slug, Name = "Tenant " + slug, CreatedAt = T0 });
        return tenant;
    }

    private Datasets.DatasetRepository DatasetRepository() => new(Database.Connections, new ProfileSets.PublishedProfileSetChanges());

    private static async Task<Datasets.DatasetRow> DatasetAsync(Datasets.DatasetRepository datasets, Guid tenantId, string name, string subjectIdKind)
    {
        var dataset = new Datasets.DatasetRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Name = name, Purpose = "Ondersteuning afstemmen", Features = "[]",
            RetentionUntil = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero), CreatedAt = T0, UpdatedAt = T0, SubjectIdKind = subjectIdKind,
        };
        await datasets.AddAsync(dataset);
        return dataset;
    }

    /// <summary>One upload of records whose cells are their pseudonyms, after <paramref name="stored"/> stored ones; committed or rolled back.</summary>
    private static async Task UploadAsync(Datasets.DatasetRepository datasets, Datasets.DatasetRow dataset, long stored, bool commit, params string[] subjects)
    {
        await using var upload = await datasets.BeginUploadAsync(dataset.TenantId, dataset.Id);
        await upload.AddWithSubjectsAsync(stored + 1, subjects.Select(TestUploads.P).ToList(), subjects);

        if (commit)
        {
            await upload.CommitAsync(stored + subjects.Length, "{}", T0);
        }
    }

    private static AccessLogEntryRow Entry(Guid tenantId, string pseudonym, string action, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, SubjectPseudonym = pseudonym, OccurredAt = at, ClientId = "client",
        UserId = "u1", UserRepresentation = "A. de Vries", Activity = "profile-advice", Reason = "test", Action = action,
    };

    private static AssignmentRow Assignment(Guid tenantId, string pseudonym, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, SubjectPseudonym = pseudonym, ProfileSetId = Guid.CreateVersion7(),
        ProfileId = Guid.CreateVersion7(), Features = """{"income":16500}""", Uncertain = true, CreatedAt = at, ClientId = "client",
        UserId = "u1", UserRepresentation = "A. de Vries",
    };

    [Fact]
    public async Task Assignment_and_its_log_entry_are_stored_together_and_isolated_per_tenant()
    {
        var tenant = await TenantAsync("arnhem");
        var other = await TenantAsync("ede");
        var assignments = new AssignmentRepository(Database.Connections);
        var log = new AccessLogRepository(Database.Connections);
        var row = Assignment(tenant.Id, "p1", T0);

        Assert.False((await assignments.AddUnlessRestrictedAsync(row, Entry(tenant.Id, "p1", "assignment.create", T0))).Restricted);

        var found = await assignments.FindAsync(tenant.Id, row.Id);
        Assert.NotNull(found);
        Assert.True(found.Uncertain);
        Assert.Null(found.DecisionOutcome);
        Assert.Null(await assignments.FindAsync(other.Id, row.Id));
        Assert.Equal(row.Id, (await assignments.FindCurrentForSubjectAsync(tenant.Id, "p1"))!.Id);
        Assert.Null(await assignments.FindCurrentForSubjectAsync(other.Id, "p1"));
        Assert.Single(await log.ListForSubjectAsync(tenant.Id, "p1", 100));
        Assert.Empty(await log.ListForSubjectAsync(other.Id, "p1", 100));
    }

    [Fact]
    public async Task A_decision_is_recorded_once()
    {
        var tenant = await TenantAsync("tiel");
        var assignments = new AssignmentRepository(Database.Connections);
        var row = Assignment(tenant.Id, "p2", T0);
        Assert.False((await assignments.AddUnlessRestrictedAsync(row, Entry(tenant.Id, "p2", "assignment.create", T0))).Restricted);
        var decision = new AssignmentDecision("deviates", "Eigen afweging", T0.AddMinutes(5), "client", "u1", "A. de Vries");

        Assert.True(await assignments.DecideAsync(tenant.Id, row.Id, decision, Entry(tenant.Id, "p2", "decision.create", T0.AddMinutes(5))));
        Assert.False(await assignments.DecideAsync(tenant.Id, row.Id, decision with { Outcome = "follows" }, Entry(tenant.Id, "p2", "decision.create", T0.AddMinutes(6))));

        var found = (await assignments.FindAsync(tenant.Id, row.Id))!;
        Assert.Equal("deviates", found.DecisionOutcome);
        Assert.Equal(T0.AddMinutes(5), found.DecidedAt);
        Assert.Equal(2, (await new AccessLogRepository(Database.Connections).ListForSubjectAsync(tenant.Id, "p2", 100)).Count);
    }

    [Fact]
    public async Task Upheld_objection_withdraws_the_assignment_and_keeps_restricting()
    {
        var tenant = await TenantAsync("wageningen");
        var assignments = new AssignmentRepository(Database.Connections);
        var objections = new ObjectionRepository(Database.Connections);
        var assignment = Assignment(tenant.Id, "p3", T0);
        Assert.False((await assignments.AddUnlessRestrictedAsync(assignment, Entry(tenant.Id, "p3", "assignment.create", T0))).Restricted);
        var objection = new ObjectionRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = "p3", AssignmentId = assignment.Id, Kind = "notMe",
            Message = "Klopt niet", Status = ObjectionStatuses.Open, CreatedAt = T0.AddMinutes(1), ClientId = "portal",
        };
        await objections.AddAsync(objection, Entry(tenant.Id, "p3", "objection.create", T0.AddMinutes(1)));
        Assert.Equal(new SubjectRestriction(true, false), await objections.RestrictionForAsync(tenant.Id, "p3"));

        var upheld = Reviewed(objection, ObjectionStatuses.Upheld, "Terecht", T0.AddMinutes(2));
        Assert.Equal(assignment.Id, upheld.WithdrawnAssignmentId);
        Assert.True(await objections.ReviewAsync(tenant.Id, upheld, Entry(tenant.Id, "p3", "objection.review", T0.AddMinutes(2))));
        Assert.False(await objections.ReviewAsync(tenant.Id, upheld, Entry(tenant.Id, "p3", "objection.review", T0.AddMinutes(3))));

        Assert.Equal(new SubjectRestriction(false, true), await objections.RestrictionForAsync(tenant.Id, "p3"));
        Assert.Equal(T0.AddMinutes(2), (await assignments.FindAsync(tenant.Id, assignment.Id))!.WithdrawnAt);
        Assert.Null(await assignments.FindCurrentForSubjectAsync(tenant.Id, "p3"));
        var page = await objections.PageAsync(tenant.Id, ObjectionStatuses.Upheld, null, 10);
        Assert.Equal(objection.Id, Assert.Single(page.Items).Id);
        Assert.Empty((await objections.PageAsync(tenant.Id, ObjectionStatuses.Open, null, 10)).Items);
    }

    [Fact]
    public async Task An_open_objection_refuses_the_assignment_and_stores_nothing()
    {
        var tenant = await TenantAsync("renkum");
        var assignments = new AssignmentRepository(Database.Connections);
        var objection = new ObjectionRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = "p5", Kind = "doNotWant",
            Message = "Liever niet", Status = ObjectionStatuses.Open, CreatedAt = T0, ClientId = "portal",
        };
        await new ObjectionRepository(Database.Connections).AddAsync(objection, Entry(tenant.Id, "p5", "objection.create", T0));
        var row = Assignment(tenant.Id, "p5", T0.AddMinutes(1));

        var restriction = await assignments.AddUnlessRestrictedAsync(row, Entry(tenant.Id, "p5", "assignment.create", T0.AddMinutes(1)));

        Assert.Equal(new SubjectRestriction(true, false), restriction);
        Assert.Null(await assignments.FindAsync(tenant.Id, row.Id));
        Assert.Equal("objection.create", Assert.Single(await new AccessLogRepository(Database.Connections).ListForSubjectAsync(tenant.Id, "p5", 10)).Action);
    }

    [Fact]
    public async Task Access_log_refuses_update_and_delete()
    {
        var tenant = await TenantAsync("buren");
        var log = new AccessLogRepository(Database.Connections);
        await log.AppendAsync([Entry(tenant.Id, "p4", "citizen.accessLog.read", T0)]);
        var (update, delete) = provider == DatabaseProvider.Sqlite
            ? ("UPDATE access_log SET reason = 'changed'", "DELETE FROM access_log")
            : ("UPDATE dbo.AccessLog SET Reason = N'changed'", "DELETE FROM dbo.AccessLog");

        await using var connection = await Database.Connections.OpenAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(update));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(delete));

        var entry = Assert.Single(await log.ListForSubjectAsync(tenant.Id, "p4", 10));
        Assert.Equal("test", entry.Reason);
    }

    [Fact]
    public async Task A_dataset_is_found_by_the_pseudonyms_of_every_committed_upload_and_by_none_once_deleted()
    {
        var tenant = await TenantAsync("zutphen");
        var datasets = DatasetRepository();
        var dataset = await DatasetAsync(datasets, tenant.Id, "Schuldhulp", "bsn");
        await UploadAsync(datasets, dataset, 0, commit: true, "p-first", "p-twice");
        await UploadAsync(datasets, dataset, 2, commit: false, "p-rolled-back");
        await UploadAsync(datasets, dataset, 2, commit: true, "p-twice", "p-second");

        foreach (var pseudonym in new[] { "p-first", "p-twice", "p-second" })
        {
            Assert.Equal(dataset.Id, Assert.Single(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P(pseudonym))).Id);
        }

        Assert.Empty(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P("p-rolled-back")));
        Assert.True(await datasets.DeleteAsync(tenant.Id, dataset.Id));
        foreach (var pseudonym in new[] { "p-first", "p-twice", "p-second" })
        {
            Assert.Empty(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P(pseudonym)));
        }
    }

    [Fact]
    public async Task An_upheld_do_not_want_keeps_the_subjects_records_out_of_clusterings_and_a_dataset_is_found_by_pseudonym()
    {
        var tenant = await TenantAsync("zeist");
        var other = await TenantAsync("zwolle");
        var datasets = DatasetRepository();
        var dataset = await DatasetAsync(datasets, tenant.Id, "Voedselbank", "bsn");
        await UploadAsync(datasets, dataset, 0, commit: true, "p-keep", "p-out", "p-notme", "p-open");

        var objections = new ObjectionRepository(Database.Connections);
        async Task ObjectAsync(string pseudonym, string kind, string? outcome)
        {
            var objection = new ObjectionRow
            {
                Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = TestUploads.P(pseudonym), Kind = kind,
                Status = ObjectionStatuses.Open, CreatedAt = T0, ClientId = "portal",
            };
            await objections.AddAsync(objection, Entry(tenant.Id, TestUploads.P(pseudonym), "objection.create", T0));
            if (outcome is not null)
            {
                await objections.ReviewAsync(tenant.Id, Reviewed(objection, outcome, "Besproken", T0.AddMinutes(1)),
                    Entry(tenant.Id, TestUploads.P(pseudonym), "objection.review", T0.AddMinutes(1)));
            }
        }

        await ObjectAsync("p-out", "doNotWant", ObjectionStatuses.Upheld);
        await ObjectAsync("p-notme", "notMe", ObjectionStatuses.Upheld);
        await ObjectAsync("p-open", "doNotWant", null);

        var clustered = new List<string>();
        await foreach (var cells in datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id))
        {
            clustered.Add(cells);
        }

        Assert.Equal(["p-keep", "p-notme", "p-open"], clustered);

        // The same records as UTF-8 straight from the database, for the clustering's loader; another tenant reads none.
        var asUtf8 = new CollectedRecords();
        Assert.Equal(3, await datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, asUtf8, TestContext.Current.CancellationToken));
        Assert.Equal(clustered, asUtf8.Records);
        var ofOther = new CollectedRecords();
        Assert.Equal(0, await datasets.ReadRecordsForClusteringAsync(other.Id, dataset.Id, ofOther, TestContext.Current.CancellationToken));
        var found = Assert.Single(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P("p-keep")));
        Assert.Equal("Ondersteuning afstemmen", found.Purpose);
        Assert.Equal("bsn", found.SubjectIdKind);
        Assert.Equal(dataset.RetentionUntil, found.RetentionUntil);
        Assert.Empty(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P("p-nobody")));
        Assert.Empty(await datasets.ContainingSubjectAsync(other.Id, TestUploads.P("p-keep")));
        Assert.Equal(2, (await objections.AllForSubjectAsync(tenant.Id, TestUploads.P("p-out"))).Count + (await objections.AllForSubjectAsync(tenant.Id, TestUploads.P("p-open"))).Count);
    }

    [Fact]
    public async Task Ranged_reads_for_clustering_give_exactly_the_rows_and_order_of_the_whole_read_with_the_objections_left_out()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await TenantAsync("zutphen");
        var other = await TenantAsync("zaandam");
        var datasets = DatasetRepository();
        var dataset = await DatasetAsync(datasets, tenant.Id, "Voedselbank", "bsn");
        Assert.Null(await datasets.RecordRowRangeAsync(tenant.Id, dataset.Id, ct));
        await UploadAsync(datasets, dataset, 0, commit: true, "p-a", "p-out1", "p-b", "p-c");
        await UploadAsync(datasets, dataset, 4, commit: true, "p-d", "p-out2", "p-out1", "p-e", "p-open");

        var objections = new ObjectionRepository(Database.Connections);
        foreach (var (pseudonym, kind, upheld) in new[] { ("p-out1", "doNotWant", true), ("p-out2", "doNotWant", true), ("p-b", "notMe", true), ("p-open", "doNotWant", false) })
        {
            var objection = new ObjectionRow
            {
                Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = TestUploads.P(pseudonym), Kind = kind,
                Status = ObjectionStatuses.Open, CreatedAt = T0, ClientId = "portal",
            };
            await objections.AddAsync(objection, Entry(tenant.Id, TestUploads.P(pseudonym), "objection.create", T0));
            if (upheld)
            {
                await objections.ReviewAsync(tenant.Id, Reviewed(objection, ObjectionStatuses.Upheld, "Besproken", T0.AddMinutes(1)),
                    Entry(tenant.Id, TestUploads.P(pseudonym), "objection.review", T0.AddMinutes(1)));
            }
        }

        var whole = new CollectedRecords();
        await datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, whole, ct);
        Assert.Equal(["p-a", "p-b", "p-c", "p-d", "p-e", "p-open"], whole.Records);
        Assert.Equal((1L, 9L), await datasets.RecordRowRangeAsync(tenant.Id, dataset.Id, ct));
        Assert.Null(await datasets.RecordRowRangeAsync(other.Id, dataset.Id, ct));

        // Every way of cutting the rows into two and into three parts reads the same records in the same order.
        for (var cut = 1; cut <= 10; cut++)
        {
            for (var second = cut; second <= 10; second++)
            {
                var parts = new CollectedRecords();
                Assert.Equal(
                    whole.Records.Count,
                    await datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, 1, cut - 1, parts, ct)
                    + await datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, cut, second - 1, parts, ct)
                    + await datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, second, 9, parts, ct));
                Assert.Equal(whole.Records, parts.Records);
            }
        }

        Assert.Equal(0, await datasets.ReadRecordsForClusteringAsync(other.Id, dataset.Id, 1, 9, new CollectedRecords(), ct));
    }

    [Fact]
    public async Task Records_of_a_dataset_of_other_ids_are_never_linked_to_a_citizen_with_the_same_pseudonym()
    {
        var tenant = await TenantAsync("tiel");
        var datasets = DatasetRepository();
        var dataset = await DatasetAsync(datasets, tenant.Id, "Klantnummers", "other");
        await UploadAsync(datasets, dataset, 0, commit: true, "p-client", "p-keep");

        // A citizen whose pseudonym equals that of a client number objects, and the objection is upheld.
        var objections = new ObjectionRepository(Database.Connections);
        var objection = new ObjectionRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = TestUploads.P("p-client"), Kind = "doNotWant",
            Status = ObjectionStatuses.Open, CreatedAt = T0, ClientId = "portal",
        };
        await objections.AddAsync(objection, Entry(tenant.Id, TestUploads.P("p-client"), "objection.create", T0));
        await objections.ReviewAsync(tenant.Id, Reviewed(objection, ObjectionStatuses.Upheld, "Besproken", T0.AddMinutes(1)),
            Entry(tenant.Id, TestUploads.P("p-client"), "objection.review", T0.AddMinutes(1)));

        var clustered = new List<string>();
        await foreach (var cells in datasets.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id))
        {
            clustered.Add(cells);
        }

        // The client is someone else: their record stays in, and the dataset is not the citizen's.
        Assert.Equal(["p-client", "p-keep"], clustered);
        Assert.Empty(await datasets.ContainingSubjectAsync(tenant.Id, TestUploads.P("p-client")));
    }
}

internal sealed class CollectedRecords : Datasets.IStoredRecordSink
{
    public List<string> Records { get; } = [];

    public void Add(ReadOnlySpan<byte> cells) => Records.Add(System.Text.Encoding.UTF8.GetString(cells));
}

public sealed class SqliteTransparencyRepositoryTests() : TransparencyRepositoryTests(DatabaseProvider.Sqlite);

/// <summary>Runs only when DATAWIJS_TEST_SQLSERVER is set (see README, "SQL Server").</summary>
public sealed class SqlServerTransparencyRepositoryTests : TransparencyRepositoryTests
{
    public SqlServerTransparencyRepositoryTests()
        : base(DatabaseProvider.SqlServer)
    {
        Assert.SkipUnless(TestDatabase.SqlServerConfigured, $"Set {TestDatabase.SqlServerVariable} to a SQL Server connection string to run these.");
    }
}
