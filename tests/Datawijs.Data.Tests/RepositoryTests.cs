using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.Idempotency;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;

namespace Datawijs.Data.Tests;

/// <summary>
/// The same repository tests for each provider: SQLite always, SQL Server when
/// DATAWIJS_TEST_SQLSERVER holds a connection string (skipped otherwise).
/// </summary>
public abstract class RepositoryTests(DatabaseProvider provider) : IDisposable
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ??= TestDatabase.Create(provider);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);

    private async Task<TenantRow> TenantAsync(string slug)
    {
        var repository = new TenantRepository(Database.Connections);
        var (tenant, _) = await repository.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = slug, Name = "Tenant " + slug, CreatedAt = T0 });
        return tenant;
    }

    private async Task<DatasetRow> DatasetAsync(TenantRow tenant)
    {
        var dataset = new DatasetRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, Name = "Records", Purpose = "Test", Features = "[]",
            RetentionUntil = new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), CreatedAt = T0, UpdatedAt = T0,
        };
        await new DatasetRepository(Database.Connections, new PublishedProfileSetChanges()).AddAsync(dataset);
        return dataset;
    }

    private static async Task<List<string>> AllAsync(IAsyncEnumerable<string> records)
    {
        var list = new List<string>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    [Fact]
    public async Task An_upload_is_visible_only_after_commit_and_only_to_its_tenant()
    {
        var tenant = await TenantAsync("ede");
        var other = await TenantAsync("epe");
        var dataset = await DatasetAsync(tenant);
        var repository = new DatasetRepository(Database.Connections, new PublishedProfileSetChanges());
        var pseudonym = new string('a', 64);

        await using (var abandoned = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await abandoned.AddAsync(1, pseudonym, "x\u001fy");
        }

        Assert.Empty(await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id)));
        await using (var upload = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await upload.AddWithSubjectsAsync(1, [pseudonym, pseudonym], ["a\u001f1", "b\u001f"]);
            Assert.Equal(2, (await AllAsync(upload.ReadAllAsync())).Count);
            await upload.CommitAsync(2, "{}", T0.AddMinutes(1));
        }

        Assert.Equal(["a\u001f1", "b\u001f"], await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id)));
        Assert.Empty(await AllAsync(repository.ReadRecordsAsync(other.Id, dataset.Id)));
        var stored = await repository.FindAsync(tenant.Id, dataset.Id);
        Assert.Equal(2, stored!.RecordCount);
        Assert.Equal(dataset.RetentionUntil, stored.RetentionUntil);
        Assert.Null(await repository.FindAsync(other.Id, dataset.Id));
        Assert.False(await repository.DeleteAsync(other.Id, dataset.Id));
        Assert.Equal(2, (await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id))).Count);
        Assert.Equal([(tenant.Id, dataset.Id)], await repository.ExpiredAsync(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Empty(await repository.ExpiredAsync(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Subjects_handed_over_in_order_index_the_datasets_that_hold_them_across_uploads()
    {
        var tenant = await TenantAsync("epe-subjects");
        var repository = new DatasetRepository(Database.Connections, new PublishedProfileSetChanges());
        var random = new Random(5);
        var pseudonyms = Enumerable.Range(0, 301).Select(_ => Convert.ToHexStringLower(RandomBytes(random, 32))).ToList();
        pseudonyms.Add(pseudonyms[7]); // a subject with two records
        var first = await DatasetAsync(tenant);
        var second = await DatasetAsync(tenant);

        // The second dataset takes the same subjects in two uploads, the second upload repeating some of the first's.
        foreach (var (dataset, from, to) in new[] { (first, 0, pseudonyms.Count), (second, 0, 200), (second, 150, pseudonyms.Count) })
        {
            await using var upload = await repository.BeginUploadAsync(tenant.Id, dataset.Id);
            var stored = await upload.StoredRecordCountAsync();
            await upload.AddWithSubjectsAsync(stored + 1, pseudonyms[from..to], Enumerable.Repeat("x", to - from).ToList());
            await upload.CommitAsync(stored + to - from, "{}", T0);
        }

        foreach (var pseudonym in pseudonyms)
        {
            Assert.Equal([first.Id, second.Id], (await repository.ContainingSubjectAsync(tenant.Id, pseudonym)).Select(d => d.Id).Order());
        }

        Assert.Empty(await repository.ContainingSubjectAsync(tenant.Id, new string('0', 64)));
        Assert.Empty(await repository.ContainingSubjectAsync(tenant.Id, "not a pseudonym"));
    }

    [Fact]
    public async Task An_upload_with_some_but_not_all_subjects_handed_over_or_a_pseudonym_of_another_size_is_refused()
    {
        var tenant = await TenantAsync("epe-half");
        var dataset = await DatasetAsync(tenant);
        var repository = new DatasetRepository(Database.Connections, new PublishedProfileSetChanges());
        await using (var upload = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await upload.AddAsync(1, new string('a', 64), "x");
            await upload.AddAsync(2, "y"u8.ToArray());
            await Assert.ThrowsAsync<InvalidOperationException>(() => upload.CommitAsync(2, "{}", T0));
        }

        await using (var wrong = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await Assert.ThrowsAsync<ArgumentException>(async () => await wrong.AddSubjectAsync(new byte[64], 1));
            await Assert.ThrowsAsync<ArgumentException>(async () => await wrong.AddSubjectAsync(new byte[31], 1));
        }

        Assert.Equal(0, (await repository.FindAsync(tenant.Id, dataset.Id))!.RecordCount);
        Assert.Empty(await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id)));
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Upload_keeps_empty_and_unicode_cells_exactly_and_refuses_a_row_number_out_of_order()
    {
        var tenant = await TenantAsync("ermelo");
        var dataset = await DatasetAsync(tenant);
        var repository = new DatasetRepository(Database.Connections, new PublishedProfileSetChanges());
        var pseudonym = new string('b', 64);
        // Not a multiple of the records in a block: the last block is a short one.
        var many = Enumerable.Range(1, 12_007).Select(i => i % 2 == 0 ? "" : "é\u001f" + i).ToList();

        await using (var upload = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await upload.AddWithSubjectsAsync(1, Enumerable.Repeat(pseudonym, many.Count).ToList(), many);
            await upload.CommitAsync(many.Count, "{}", T0);
        }

        Assert.Equal(many, await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id)));

        // Parts cut inside blocks of 128 read exactly the rows asked for: together, every record once, in order.
        Assert.Equal((1L, many.Count), await repository.RecordRowRangeAsync(tenant.Id, dataset.Id));
        var parts = new CollectedRecords();
        var cuts = new long[] { 1, 2, 129, 130, 5_000, 9_999, many.Count + 1 };
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            Assert.Equal(cuts[i + 1] - cuts[i], await repository.ReadRecordsForClusteringAsync(tenant.Id, dataset.Id, cuts[i], cuts[i + 1] - 1, parts));
        }

        Assert.Equal(many, parts.Records);

        // A row number already stored, or one that does not follow the last added, is refused before anything is written.
        await using (var clash = await repository.BeginUploadAsync(tenant.Id, dataset.Id))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await clash.AddAsync(many.Count, pseudonym, "x"));
            await clash.AddAsync(many.Count + 2, pseudonym, "x");
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await clash.AddAsync(many.Count + 1, pseudonym, "y"));
        }

        Assert.Equal(many.Count, (await AllAsync(repository.ReadRecordsAsync(tenant.Id, dataset.Id))).Count);
    }

    private static readonly LeaseTerms InstanceA = new("host-a/1/aaaa", TimeSpan.FromSeconds(30), MaxAttempts: 2);
    private static readonly LeaseTerms InstanceB = new("host-b/2/bbbb", TimeSpan.FromSeconds(30), MaxAttempts: 2);

    [Fact]
    public async Task A_clustering_is_claimed_once_with_a_lease_taken_over_only_after_it_expires_and_stored_once()
    {
        var tenant = await TenantAsync("oss");
        var other = await TenantAsync("ommen");
        var dataset = await DatasetAsync(tenant);
        var jobs = new ClusteringRepository(Database.Connections);
        ClusteringRow Job(Guid owner) => new() { Id = Guid.CreateVersion7(), TenantId = owner, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0 };
        var job = Job(tenant.Id);

        Assert.Equal(QueueOutcome.DatasetNotFound, await jobs.AddAsync(Job(other.Id)));
        Assert.Equal(QueueOutcome.Queued, await jobs.AddAsync(job));
        var a = await jobs.ClaimNextAsync(InstanceA, "gave up", T0);
        Assert.NotNull(a);
        Assert.Equal((job.Id, ClusteringStatus.Running, InstanceA.Owner, 1), (a.Id, a.Status, a.LeaseOwner, a.Attempts));
        Assert.Equal(T0.AddSeconds(30), a.LeaseUntil);
        Assert.NotNull(a.LeaseToken);

        // While the lease holds (renewed by the heartbeat), nobody else gets the job.
        Assert.Null(await jobs.ClaimNextAsync(InstanceB, "gave up", T0.AddSeconds(29)));
        Assert.True(await jobs.RenewAsync(a, T0.AddSeconds(59)));
        Assert.Null(await jobs.ClaimNextAsync(InstanceB, "gave up", T0.AddSeconds(58)));
        Assert.True(await jobs.ReportProgressAsync(a, 0.5, "fitting"));

        // A's instance stalls past its lease: B takes the job over with a new token, and A can no longer write.
        var b = await jobs.ClaimNextAsync(InstanceB, "gave up", T0.AddSeconds(60));
        Assert.NotNull(b);
        Assert.Equal((job.Id, InstanceB.Owner, 2), (b.Id, b.LeaseOwner, b.Attempts));
        Assert.NotEqual(a.LeaseToken, b.LeaseToken);
        Assert.False(await jobs.RenewAsync(a, T0.AddSeconds(90)));
        Assert.False(await jobs.ReportProgressAsync(a, 0.9, "fitting"));
        Assert.False(await jobs.SucceedAsync(a, "{\"by\":\"a\"}", "{}", "{}", T0.AddSeconds(61)));

        // The holder stores the result once; a second finisher (even with the same token) is refused by the database.
        Assert.True(await jobs.SucceedAsync(b, "{\"by\":\"b\"}", "{}", "{}", T0.AddSeconds(62)));
        Assert.False(await jobs.SucceedAsync(b, "{\"by\":\"b2\"}", "{}", "{}", T0.AddSeconds(63)));
        Assert.False(await jobs.FinishAsync(a, ClusteringStatus.Failed, "late", T0.AddSeconds(64)));
        var stored = await jobs.FindAsync(tenant.Id, job.Id);
        Assert.Equal((ClusteringStatus.Succeeded, "{\"by\":\"b\"}", T0.AddSeconds(62)), (stored!.Status, stored.Outcome, stored.FinishedAt));
        Assert.Null(await jobs.FindAsync(other.Id, job.Id));
        Assert.Null(await jobs.ClaimNextAsync(InstanceA, "gave up", T0.AddHours(1)));
    }

    [Fact]
    public async Task A_job_whose_instance_keeps_stopping_is_failed_and_one_handed_back_is_queued_again()
    {
        var tenant = await TenantAsync("olst");
        var dataset = await DatasetAsync(tenant);
        var jobs = new ClusteringRepository(Database.Connections);
        var job = new ClusteringRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0 };
        await jobs.AddAsync(job);

        var first = (await jobs.ClaimNextAsync(InstanceA, "gave up", T0))!;
        Assert.True(await jobs.ReleaseAsync(first));
        Assert.Equal((ClusteringStatus.Queued, 0, (string?)null), await StateAsync());
        var second = (await jobs.ClaimNextAsync(InstanceA, "gave up", T0.AddSeconds(1)))!;
        Assert.Equal(1, second.Attempts);
        var third = (await jobs.ClaimNextAsync(InstanceB, "gave up", T0.AddSeconds(40)))!;
        Assert.Equal(2, third.Attempts);

        // Its lease expired after the last attempt allowed: failed with the reason, not claimed again.
        Assert.Null(await jobs.ClaimNextAsync(InstanceA, "gave up", T0.AddSeconds(80)));
        var failed = await jobs.FindAsync(tenant.Id, job.Id);
        Assert.Equal((ClusteringStatus.Failed, "gave up", T0.AddSeconds(80)), (failed!.Status, failed.Error, failed.FinishedAt));

        async Task<(string, int, string?)> StateAsync()
        {
            var row = (await jobs.FindAsync(tenant.Id, job.Id))!;
            return (row.Status, row.Attempts, row.LeaseOwner);
        }
    }

    [Fact]
    public async Task Queued_jobs_are_claimed_round_robin_over_tenants_and_a_tenant_limit_refuses_more()
    {
        var busy = await TenantAsync("oirschot");
        var quiet = await TenantAsync("oisterwijk");
        var busyData = await DatasetAsync(busy);
        var quietData = await DatasetAsync(quiet);
        var jobs = new ClusteringRepository(Database.Connections);
        ClusteringRow Job(TenantRow tenant, DatasetRow dataset, int second) =>
            new() { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0.AddSeconds(second) };
        var busyJobs = new[] { Job(busy, busyData, 1), Job(busy, busyData, 2), Job(busy, busyData, 3) };
        foreach (var job in busyJobs)
        {
            Assert.Equal(QueueOutcome.Queued, await jobs.AddAsync(job, limit: 3));
        }

        Assert.Equal(QueueOutcome.TenantLimitReached, await jobs.AddAsync(Job(busy, busyData, 4), limit: 3));
        var late = Job(quiet, quietData, 5);
        Assert.Equal(QueueOutcome.Queued, await jobs.AddAsync(late, limit: 3));

        var order = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var claimed = (await jobs.ClaimNextAsync(InstanceA, "gave up", T0.AddMinutes(1 + i)))!;
            order.Add(claimed.Id);
            Assert.True(await jobs.SucceedAsync(claimed, "{}", "{}", "{}", T0.AddMinutes(1 + i)));
        }

        // The quiet tenant's job, queued last, runs second: not after every job of the busy one.
        Assert.Equal([busyJobs[0].Id, late.Id, busyJobs[1].Id, busyJobs[2].Id], order);

        // Finished jobs no longer count against the limit.
        Assert.Equal(QueueOutcome.Queued, await jobs.AddAsync(Job(busy, busyData, 6), limit: 1));
        Assert.Equal(QueueOutcome.TenantLimitReached, await jobs.AddAsync(Job(busy, busyData, 7), limit: 1));
    }

    [Fact]
    public async Task Two_instances_claiming_at_once_on_one_database_never_get_the_same_job()
    {
        var tenant = await TenantAsync("ootmarsum");
        var dataset = await DatasetAsync(tenant);
        var jobs = new ClusteringRepository(Database.Connections);
        for (var i = 0; i < 40; i++)
        {
            await jobs.AddAsync(new ClusteringRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0.AddSeconds(i) });
        }

        // Two connection factories: two writers, as two processes have, each with its own group commit.
        using var second = new DbConnectionFactory(Database.Options);
        var instances = new[] { (jobs, InstanceA), (new ClusteringRepository(second), InstanceB) };
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var (repository, terms) = instances[worker % 2];
            var mine = new List<Guid>();
            while (await repository.ClaimNextAsync(terms, "gave up", T0.AddMinutes(1)) is { } claimed)
            {
                mine.Add(claimed.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [Fact]
    public async Task Publishing_retires_the_previous_set_and_deleting_the_dataset_removes_everything_and_each_change_is_heard()
    {
        var tenant = await TenantAsync("goes");
        var dataset = await DatasetAsync(tenant);
        var jobs = new ClusteringRepository(Database.Connections);
        var clustering = new ClusteringRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0 };
        await jobs.AddAsync(clustering);
        var changes = new PublishedProfileSetChanges();
        var heard = new List<Guid>();
        changes.Changed += heard.Add;
        var sets = new ProfileSetRepository(Database.Connections, changes);
        async Task<(ProfileSetRow Set, ProfileRow Profile)> SetAsync()
        {
            var set = new ProfileSetRow
            {
                Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, ClusteringId = clustering.Id,
                Description = "{}", Method = "{}", CreatedAt = T0, UpdatedAt = T0,
            };
            var profile = new ProfileRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, ProfileSetId = set.Id, Cluster = 0, UpdatedAt = T0 };
            await sets.AddAsync(set, [profile]);
            return (set, profile);
        }

        var (first, firstProfile) = await SetAsync();
        var (second, _) = await SetAsync();
        Assert.True(await sets.UpdateProfileAsync(new ProfileRow { Id = firstProfile.Id, TenantId = tenant.Id, ProfileSetId = first.Id, NameNl = "Groep", UpdatedAt = T0 }));
        Assert.Empty(heard);
        Assert.True(await sets.PublishAsync(tenant.Id, first.Id, "{\"v\":1}", T0));
        Assert.Equal([tenant.Id], heard);
        Assert.False(await sets.UpdateProfileAsync(new ProfileRow { Id = firstProfile.Id, TenantId = tenant.Id, ProfileSetId = first.Id, NameNl = "Anders", UpdatedAt = T0 }));
        Assert.True(await sets.PublishAsync(tenant.Id, second.Id, "{\"v\":2}", T0.AddMinutes(1)));
        Assert.False(await sets.PublishAsync(tenant.Id, first.Id, "{}", T0));
        Assert.Equal(2, heard.Count);

        Assert.Equal(ProfileSetStatus.Retired, (await sets.FindAsync(tenant.Id, first.Id))!.Status);
        Assert.Equal("Groep", (await sets.ProfilesAsync(tenant.Id, first.Id)).Single().NameNl);
        Assert.Equal(second.Id, (await sets.FindPublishedAsync(tenant.Id))!.Id);
        Assert.True(await sets.RetireAsync(tenant.Id, second.Id, T0));
        Assert.False(await sets.RetireAsync(tenant.Id, second.Id, T0));
        Assert.Equal(3, heard.Count);
        Assert.Null(await sets.FindPublishedAsync(tenant.Id));

        var datasets = new DatasetRepository(Database.Connections, changes);
        Assert.True(await datasets.DeleteAsync(tenant.Id, dataset.Id));
        Assert.False(await datasets.DeleteAsync(tenant.Id, dataset.Id));
        Assert.Equal([tenant.Id, tenant.Id, tenant.Id, tenant.Id], heard);
        Assert.Null(await sets.FindAsync(tenant.Id, first.Id));
        Assert.Empty(await sets.ProfilesAsync(tenant.Id, first.Id));
        Assert.Null(await jobs.FindAsync(tenant.Id, clustering.Id));
    }

    [Fact]
    public async Task A_publication_enters_the_history_only_against_the_history_it_was_checked_with_and_a_review_is_once_per_draft()
    {
        var tenant = await TenantAsync("zeist");
        var other = await TenantAsync("bunnik");
        var dataset = await DatasetAsync(tenant);
        var clustering = new ClusteringRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, Options = "{}", CreatedAt = T0 };
        await new ClusteringRepository(Database.Connections).AddAsync(clustering);
        var sets = new ProfileSetRepository(Database.Connections, new PublishedProfileSetChanges());
        var history = new ProfileHistoryRepository(Database.Connections);
        async Task<ProfileSetRow> SetAsync()
        {
            var set = new ProfileSetRow
            {
                Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, ClusteringId = clustering.Id,
                Description = "{}", Method = "{}", CreatedAt = T0, UpdatedAt = T0,
            };
            await sets.AddAsync(set, [new ProfileRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, ProfileSetId = set.Id, Cluster = 0, UpdatedAt = T0 }]);
            return set;
        }

        ProfilePublicationRow Publication(ProfileSetRow set, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, ProfileSetId = set.Id, K = 1, PublishedAt = at, Record = "{\"k\":1}",
        };

        var first = await SetAsync();
        var second = await SetAsync();
        Assert.Equal(PublishOutcome.Published, await sets.PublishAsync(tenant.Id, first.Id, "{}", T0, Publication(first, T0), 0));

        // The second set was checked against an empty history; the first publication came in between.
        Assert.Equal(PublishOutcome.HistoryChanged, await sets.PublishAsync(tenant.Id, second.Id, "{}", T0.AddMinutes(1), Publication(second, T0.AddMinutes(1)), 0));
        Assert.Equal(ProfileSetStatus.Draft, (await sets.FindAsync(tenant.Id, second.Id))!.Status);
        Assert.Equal(first.Id, (await sets.FindPublishedAsync(tenant.Id))!.Id);
        var kept = Assert.Single(await history.PublicationsOfDatasetAsync(tenant.Id, dataset.Id));
        Assert.Equal(first.Id, kept.ProfileSetId);
        Assert.Equal(T0, kept.PublishedAt);
        Assert.Equal("{\"k\":1}", kept.Record);
        Assert.Empty(await history.PublicationsOfDatasetAsync(other.Id, dataset.Id));

        // A review: once, only on a draft, only for its own tenant.
        FairnessReviewRow Review(ProfileSetRow set, Guid tenantId) => new()
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, ProfileSetId = set.Id, Findings = "[]", Reasoning = "Besproken en aanvaardbaar bevonden.",
            ReviewedAt = T0, ClientId = "client", UserId = "m.jansen", UserRepresentation = "M. Jansen",
        };
        Assert.False(await history.AddReviewAsync(Review(first, tenant.Id)));
        Assert.False(await history.AddReviewAsync(Review(second, other.Id)));
        Assert.True(await history.AddReviewAsync(Review(second, tenant.Id)));
        Assert.False(await history.AddReviewAsync(Review(second, tenant.Id)));
        var review = (await history.FindReviewAsync(tenant.Id, second.Id))!;
        Assert.Equal(("m.jansen", "M. Jansen", T0), (review.UserId, review.UserRepresentation, review.ReviewedAt));
        Assert.Null(await history.FindReviewAsync(other.Id, second.Id));

        // A later review over new findings replaces it; the earlier one is kept as it was, never lost.
        var later = new FairnessReviewRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, ProfileSetId = second.Id, Findings = "[{\"profile\":1}]", Reasoning = "Opnieuw besproken na nieuwe bevindingen.",
            ReviewedAt = T0.AddMinutes(1), ClientId = "client", UserId = "a.visser", UserRepresentation = "A. Visser",
        };
        Assert.False(await history.ReplaceReviewAsync(Guid.CreateVersion7(), later));
        Assert.Empty(await history.ReplacedReviewsAsync(tenant.Id, second.Id));
        Assert.True(await history.ReplaceReviewAsync(review.Id, later));
        Assert.Equal(("a.visser", later.Reasoning), ((await history.FindReviewAsync(tenant.Id, second.Id))!.UserId, (await history.FindReviewAsync(tenant.Id, second.Id))!.Reasoning));
        var replaced = Assert.Single(await history.ReplacedReviewsAsync(tenant.Id, second.Id));
        Assert.Equal((review.Id, "m.jansen", "Besproken en aanvaardbaar bevonden.", T0), (replaced.Id, replaced.UserId, replaced.Reasoning, replaced.ReviewedAt));

        Assert.Equal(PublishOutcome.Published, await sets.PublishAsync(tenant.Id, second.Id, "{}", T0.AddMinutes(2), Publication(second, T0.AddMinutes(2)), 1));
        Assert.Equal(2, (await history.PublicationsOfDatasetAsync(tenant.Id, dataset.Id)).Count);
        Assert.Equal(PublishOutcome.NotDraft, await sets.PublishAsync(tenant.Id, second.Id, "{}", T0.AddMinutes(3), Publication(second, T0.AddMinutes(3)), 2));

        Assert.True(await new DatasetRepository(Database.Connections, new PublishedProfileSetChanges()).DeleteAsync(tenant.Id, dataset.Id));
        Assert.Empty(await history.PublicationsOfDatasetAsync(tenant.Id, dataset.Id));
        Assert.Null(await history.FindReviewAsync(tenant.Id, second.Id));
        Assert.Empty(await history.ReplacedReviewsAsync(tenant.Id, second.Id));
    }

    [Fact]
    public async Task Adding_a_tenant_twice_keeps_the_first()
    {
        var repository = new TenantRepository(Database.Connections);
        var (first, created) = await repository.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "utrecht", Name = "Utrecht", CreatedAt = T0 });
        var (second, createdAgain) = await repository.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "utrecht", Name = "Other", CreatedAt = T0 });

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Utrecht", second.Name);
        Assert.Equal(T0, second.CreatedAt);
    }

    [Fact]
    public async Task Clients_round_trip_and_revocation_sticks()
    {
        var tenant = await TenantAsync("zwolle");
        var repository = new TenantRepository(Database.Connections);
        await repository.AddClientAsync(new ClientRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, ClientId = "zwolle-abc", SecretSalt = "salt", SecretHash = "hash",
            Scopes = "scans:read scans:write", CreatedAt = T0,
        });

        var found = await repository.FindClientAsync("zwolle-abc");
        Assert.NotNull(found);
        Assert.Equal(tenant.Id, found.TenantId);
        Assert.Equal("zwolle", found.TenantSlug);
        Assert.Null(found.RevokedAt);

        Assert.True(await repository.RevokeClientAsync("zwolle-abc", T0.AddHours(1)));
        Assert.False(await repository.RevokeClientAsync("zwolle-abc", T0.AddHours(2)));
        Assert.Equal(T0.AddHours(1), (await repository.FindClientAsync("zwolle-abc"))!.RevokedAt);
        Assert.Single(await repository.ListClientsAsync(tenant.Id));
    }

    [Fact]
    public async Task Organisations_are_isolated_per_tenant_and_paged_by_cursor()
    {
        var a = await TenantAsync("tenant-a");
        var b = await TenantAsync("tenant-b");
        var repository = new OrganisationRepository(Database.Connections);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var at = T0.AddSeconds(i);
            var row = new OrganisationRow { Id = Guid.CreateVersion7(at), TenantId = a.Id, Name = $"Org {i}", Kind = "municipality", Inhabitants = 1000 * i, Region = null, CreatedAt = at, UpdatedAt = at };
            ids.Add(row.Id);
            await repository.AddAsync(row);
        }

        Assert.Null(await repository.FindAsync(b.Id, ids[0]));
        Assert.Equal("Org 0", (await repository.FindAsync(a.Id, ids[0]))!.Name);
        Assert.Empty((await repository.PageAsync(b.Id, null, 10)).Items);

        var seen = new List<Guid>();
        PageCursor? cursor = null;
        do
        {
            var page = await repository.PageAsync(a.Id, cursor, 2);
            seen.AddRange(page.Items.Select(o => o.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Update_changes_only_the_tenants_own_row()
    {
        var a = await TenantAsync("tenant-c");
        var b = await TenantAsync("tenant-d");
        var repository = new OrganisationRepository(Database.Connections);
        var row = new OrganisationRow { Id = Guid.CreateVersion7(), TenantId = a.Id, Name = "Before", Kind = "partner", CreatedAt = T0, UpdatedAt = T0 };
        await repository.AddAsync(row);

        Assert.False(await repository.UpdateAsync(new OrganisationRow { Id = row.Id, TenantId = b.Id, Name = "Hijacked", Kind = "partner", CreatedAt = T0, UpdatedAt = T0 }));
        Assert.True(await repository.UpdateAsync(new OrganisationRow { Id = row.Id, TenantId = a.Id, Name = "After", Kind = "other", Region = "Gelderland", CreatedAt = T0, UpdatedAt = T0.AddDays(1) }));

        var stored = await repository.FindAsync(a.Id, row.Id);
        Assert.Equal("After", stored!.Name);
        Assert.Equal("Gelderland", stored.Region);
        Assert.Equal(T0.AddDays(1), stored.UpdatedAt);
    }

    [Fact]
    public async Task Idempotency_claim_is_exclusive_until_completed_or_abandoned()
    {
        var tenant = await TenantAsync("tenant-e");
        var repository = new IdempotencyRepository(Database.Connections);
        var claim = new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k1", RequestHash = "h", CreatedAt = T0 };

        Assert.Null(await repository.BeginAsync(claim));
        var pending = await repository.BeginAsync(claim);
        Assert.NotNull(pending);
        Assert.Null(pending.StatusCode);

        await repository.AbandonAsync(claim);
        Assert.Null(await repository.BeginAsync(claim));
        await repository.CompleteAsync(new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k1", StatusCode = 201, Location = "/x", ContentType = "application/json", Body = [1, 2, 3] });
        var done = await repository.BeginAsync(claim);
        Assert.Equal(201, done!.StatusCode);
        Assert.Equal([1, 2, 3], done.Body);
    }

    [Fact]
    public async Task A_pending_idempotency_claim_older_than_the_lease_is_taken_over_by_the_same_request_only()
    {
        var tenant = await TenantAsync("tenant-f");
        var repository = new IdempotencyRepository(Database.Connections);
        var crashed = new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k2", RequestHash = "h", CreatedAt = T0 };
        Assert.Null(await repository.BeginAsync(crashed));

        var retry = new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k2", RequestHash = "h", CreatedAt = T0.AddMinutes(1) };
        Assert.Null((await repository.BeginAsync(retry, staleBefore: T0))!.StatusCode);
        var other = new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k2", RequestHash = "other", CreatedAt = T0.AddMinutes(5) };
        Assert.Equal("h", (await repository.BeginAsync(other, staleBefore: T0.AddMinutes(4)))!.RequestHash);

        var late = new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = "k2", RequestHash = "h", CreatedAt = T0.AddMinutes(5) };
        Assert.Null(await repository.BeginAsync(late, staleBefore: T0.AddMinutes(4)));
        Assert.NotNull(await repository.BeginAsync(late, staleBefore: T0.AddMinutes(4)));
    }

    [Fact]
    public async Task Idempotency_records_expire_a_new_request_may_use_an_expired_key_and_the_sweep_deletes_only_expired_ones()
    {
        var tenant = await TenantAsync("tenant-g");
        var repository = new IdempotencyRepository(Database.Connections);
        IdempotencyRecord Record(string key, string hash, DateTimeOffset at) => new() { TenantId = tenant.Id, ClientId = "c", IdemKey = key, RequestHash = hash, CreatedAt = at };
        async Task CompleteAsync(string key) =>
            await repository.CompleteAsync(new IdempotencyRecord { TenantId = tenant.Id, ClientId = "c", IdemKey = key, StatusCode = 201, Location = "/" + key, Body = [1] });

        Assert.Null(await repository.BeginAsync(Record("old", "h1", T0)));
        await CompleteAsync("old");
        Assert.Null(await repository.BeginAsync(Record("pending", "h", T0)));
        Assert.Null(await repository.BeginAsync(Record("new", "h", T0.AddHours(23))));
        await CompleteAsync("new");

        // Within the retention the first answer is replayed, even for another request with the key; after it the key is free.
        var retention = TimeSpan.FromHours(24);
        var within = T0.AddHours(23).AddMinutes(59);
        Assert.Equal(201, (await repository.BeginAsync(Record("old", "h1", within), expiredBefore: within - retention))!.StatusCode);
        var after = T0.AddHours(24).AddSeconds(1);
        Assert.Null(await repository.BeginAsync(Record("old", "h2", after), expiredBefore: after - retention));
        var renewed = await repository.BeginAsync(Record("old", "h3", after), expiredBefore: after - retention);
        Assert.Equal(("h2", (int?)null, (byte[]?)null), (renewed!.RequestHash, renewed.StatusCode, renewed.Body));

        // The sweep: the pending claim from T0 has expired; "old" was claimed anew and "new" is young.
        Assert.Equal(1, await repository.DeleteExpiredAsync(after - retention, batch: 1));
        Assert.Equal(0, await repository.DeleteExpiredAsync(after - retention));
        Assert.Null(await repository.BeginAsync(Record("pending", "h", after), expiredBefore: T0));
        Assert.Equal(201, (await repository.BeginAsync(Record("new", "h", after), expiredBefore: after - retention))!.StatusCode);
        Assert.Equal(3, await repository.DeleteExpiredAsync(after.AddDays(30), batch: 2));
    }
}

public sealed class SqliteRepositoryTests() : RepositoryTests(DatabaseProvider.Sqlite);

/// <summary>Runs only when DATAWIJS_TEST_SQLSERVER is set (see README, "SQL Server").</summary>
public sealed class SqlServerRepositoryTests : RepositoryTests
{
    public SqlServerRepositoryTests()
        : base(DatabaseProvider.SqlServer)
    {
        Assert.SkipUnless(TestDatabase.SqlServerConfigured, $"Set {TestDatabase.SqlServerVariable} to a SQL Server connection string to run these.");
    }
}
