using System.Text.RegularExpressions;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Changes;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.Idempotency;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Scans;
using Datawijs.Data.Tenants;

namespace Datawijs.Data.Tests;

/// <summary>
/// On SQLite every write of a process queues for the one writer: while this process's writer turn is
/// held, no repository's write gets through, and once it is handed on every one of them does.
/// </summary>
public sealed partial class WriterTurnTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 21, 0, 0, TimeSpan.Zero);
    private static readonly LeaseTerms Lease = new("host-a/1/aaaa", TimeSpan.FromSeconds(30), MaxAttempts: 3);

    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_repository_write_waits_for_the_writers_turn()
    {
        var connections = _database.Connections;
        var changes = new PublishedProfileSetChanges();
        var tenants = new TenantRepository(connections);
        var organisations = new OrganisationRepository(connections);
        var scans = new ScanRepository(connections);
        var datasets = new DatasetRepository(connections, changes);
        var clusterings = new ClusteringRepository(connections);
        var profileSets = new ProfileSetRepository(connections, changes);
        var history = new ProfileHistoryRepository(connections);
        var idempotency = new IdempotencyRepository(connections);
        var counters = new ChangeCounterRepository(connections);
        var accessLog = new AccessLogRepository(connections);

        // What the writes below act on, stored before the turn is taken.
        var (tenant, _) = await tenants.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "turns", Name = "Turns", CreatedAt = T0 });
        var client = new ClientRow { ClientId = "turns-client", TenantId = tenant.Id, Name = "Client", SecretSalt = "s", SecretHash = "x", Scopes = "scans:read", CreatedAt = T0 };
        await tenants.AddClientAsync(client);
        var organisation = new OrganisationRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, Name = "Organisation", Kind = "municipality", CreatedAt = T0, UpdatedAt = T0 };
        await organisations.AddAsync(organisation);
        var scan = new ScanRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, OrganisationId = organisation.Id, ModelId = "dmm-full-v2", ModelVersion = 2, CreatedAt = T0 };
        await scans.AddAsync(scan);
        var response = new ScanResponseRow { TenantId = tenant.Id, ScanId = scan.Id, RespondentId = "r1", CreatedAt = T0, UpdatedAt = T0 };
        await scans.SaveResponseAsync(response);
        var dataset = Dataset(tenant.Id);
        var doomed = Dataset(tenant.Id);
        await datasets.AddAsync(dataset);
        await datasets.AddAsync(doomed);
        var queued = Clustering(tenant.Id, dataset.Id);
        var running = Clustering(tenant.Id, dataset.Id);
        await clusterings.AddAsync(queued);
        await clusterings.AddAsync(running);
        var claimed = await clusterings.ClaimAsync(tenant.Id, running.Id, Lease, T0) ?? throw new InvalidOperationException("Not claimed.");
        var draft = new ProfileSetRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, ClusteringId = running.Id, DatasetId = dataset.Id, Status = ProfileSetStatus.Draft, CreatedAt = T0, UpdatedAt = T0 };
        var profile = new ProfileRow { Id = Guid.CreateVersion7(), ProfileSetId = draft.Id, TenantId = tenant.Id, Cluster = 0, NameNl = "A", UpdatedAt = T0 };
        await profileSets.AddAsync(draft, [profile]);
        var idempotencyClaim = new IdempotencyRecord { TenantId = tenant.Id, ClientId = client.ClientId, IdemKey = "k1", RequestHash = "h", CreatedAt = T0 };
        await idempotency.BeginAsync(idempotencyClaim);

        var writes = new Dictionary<string, Func<Task>>
        {
            ["tenants.Ensure"] = () => tenants.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "turns-2", Name = "Turns 2", CreatedAt = T0 }),
            ["tenants.AddClient"] = () => tenants.AddClientAsync(new ClientRow { ClientId = "turns-client-2", TenantId = tenant.Id, Name = "Client 2", SecretSalt = "s", SecretHash = "x", Scopes = "scans:read", CreatedAt = T0 }),
            ["tenants.RevokeClient"] = () => tenants.RevokeClientAsync(client.ClientId, T0),
            ["organisations.Add"] = () => organisations.AddAsync(new OrganisationRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, Name = "Other", Kind = "municipality", CreatedAt = T0, UpdatedAt = T0 }),
            ["organisations.Update"] = () => organisations.UpdateAsync(organisation),
            ["scans.Add"] = () => scans.AddAsync(new ScanRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, OrganisationId = organisation.Id, ModelId = "dmm-full-v2", ModelVersion = 2, CreatedAt = T0 }),
            ["scans.SaveResponse"] = () => scans.SaveResponseAsync(response),
            ["scans.Complete"] = () => scans.CompleteAsync(tenant.Id, scan.Id, T0, _ => "{}"),
            ["datasets.Add"] = () => datasets.AddAsync(Dataset(tenant.Id)),
            ["datasets.SetReferencePopulation"] = () => datasets.SetReferencePopulationAsync(tenant.Id, dataset.Id, "{}", T0),
            ["datasets.Delete"] = () => datasets.DeleteAsync(tenant.Id, doomed.Id),
            ["datasets.BeginUpload"] = async () =>
            {
                await using var upload = await datasets.BeginUploadAsync(tenant.Id, dataset.Id);
            },
            ["clusterings.Add"] = () => clusterings.AddAsync(Clustering(tenant.Id, dataset.Id)),
            ["clusterings.ClaimNext"] = () => clusterings.ClaimNextAsync(Lease, "gave up", T0),
            ["clusterings.Claim"] = () => clusterings.ClaimAsync(tenant.Id, queued.Id, Lease, T0),
            ["clusterings.Renew"] = () => clusterings.RenewAsync(claimed, T0.AddMinutes(1)),
            ["clusterings.ReportProgress"] = () => clusterings.ReportProgressAsync(claimed, 0.5, "fitting"),
            ["clusterings.Succeed"] = () => clusterings.SucceedAsync(claimed, "{}", "{}", "{}", T0),
            ["clusterings.Finish"] = () => clusterings.FinishAsync(claimed, ClusteringStatus.Failed, "stopped", T0),
            ["clusterings.Release"] = () => clusterings.ReleaseAsync(claimed),
            ["clusterings.CancelQueued"] = () => clusterings.CancelQueuedAsync(tenant.Id, queued.Id, T0),
            ["clusterings.RequestCancellation"] = () => clusterings.RequestCancellationAsync(tenant.Id, running.Id),
            ["profileSets.Add"] = () => profileSets.AddAsync(
                new ProfileSetRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, ClusteringId = running.Id, DatasetId = dataset.Id, Status = ProfileSetStatus.Draft, CreatedAt = T0, UpdatedAt = T0 }, []),
            ["profileSets.UpdateProfile"] = () => profileSets.UpdateProfileAsync(profile),
            ["profileSets.Publish"] = () => profileSets.PublishAsync(tenant.Id, draft.Id, "{}", T0),
            ["profileSets.PublishWithHistory"] = () => profileSets.PublishAsync(
                tenant.Id, draft.Id, "{}", T0, new ProfilePublicationRow { Id = Guid.CreateVersion7(), TenantId = tenant.Id, DatasetId = dataset.Id, ProfileSetId = draft.Id, K = 1, PublishedAt = T0, Record = "{}" }, 0),
            ["profileSets.Retire"] = () => profileSets.RetireAsync(tenant.Id, draft.Id, T0),
            ["history.AddReview"] = () => history.AddReviewAsync(Review(tenant.Id, draft.Id)),
            ["history.ReplaceReview"] = () => history.ReplaceReviewAsync(Guid.CreateVersion7(), Review(tenant.Id, draft.Id)),
            ["idempotency.Begin"] = () => idempotency.BeginAsync(new IdempotencyRecord { TenantId = tenant.Id, ClientId = client.ClientId, IdemKey = "k2", RequestHash = "h", CreatedAt = T0 }),
            ["idempotency.Complete"] = () => idempotency.CompleteAsync(idempotencyClaim),
            ["idempotency.Abandon"] = () => idempotency.AbandonAsync(idempotencyClaim),
            ["idempotency.DeleteExpired"] = () => idempotency.DeleteExpiredAsync(T0.AddDays(-1)),
            ["changeCounters.Bump"] = () => counters.BumpAsync(tenant.Id, ChangeKinds.Peers),
            ["accessLog.Append"] = () => accessLog.AppendAsync([new AccessLogEntryRow
            {
                Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = new string('a', 64), ClientId = client.ClientId,
                Activity = "test", Reason = "test", Action = "read", OccurredAt = T0,
            }]),
        };

        Dictionary<string, Task> started;
        using (await connections.WriterTurnAsync(TestContext.Current.CancellationToken))
        {
            started = writes.ToDictionary(write => write.Key, write => Task.Run(write.Value, TestContext.Current.CancellationToken));
            await Task.Delay(300, TestContext.Current.CancellationToken);
            Assert.Empty(started.Where(write => write.Value.IsCompleted).Select(write => write.Key));
        }

        // Once the turn is handed on, every write gets its own (whether or not it then finds its row).
        await Task.WhenAll(started.Values.Select(write => write.ContinueWith(_ => { }, TaskScheduler.Default)))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void No_repository_writes_outside_the_writer()
    {
        // A repository that opens its own transaction, or writes on a connection opened for reading, would
        // bypass the writer's turn (and the shared commits): only Infrastructure may begin a transaction.
        var source = SourceFolder();
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("Infrastructure/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("BeginTransaction", StringComparison.Ordinal))
                {
                    offences.Add($"{relative}:{i + 1} begins a transaction of its own");
                }

                if (lines[i].Contains("connections.OpenAsync(", StringComparison.Ordinal) && WritesBeforeMemberEnds(lines, i))
                {
                    offences.Add($"{relative}:{i + 1} writes on a connection opened for reading");
                }
            }
        }

        Assert.Empty(offences);
    }

    // From the line that opens a read connection to the end of its member (the next closing brace at
    // member indentation): is a statement executed there? Reads go through Query*, writes through Execute*.
    private static bool WritesBeforeMemberEnds(string[] lines, int start)
    {
        for (var i = start; i < lines.Length && lines[i] != "    }"; i++)
        {
            if (ExecuteCall().IsMatch(lines[i]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bExecute(NonQuery)?Async\(")]
    private static partial Regex ExecuteCall();

    private static string SourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Datawijs.Data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Datawijs.Data not found above " + AppContext.BaseDirectory);
    }

    private static DatasetRow Dataset(Guid tenantId) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, Name = "Records", Purpose = "Test", Features = "[]",
        RetentionUntil = T0.AddDays(30), CreatedAt = T0, UpdatedAt = T0,
    };

    private static ClusteringRow Clustering(Guid tenantId, Guid datasetId) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, DatasetId = datasetId, Options = "{}", Status = ClusteringStatus.Queued, CreatedAt = T0,
    };

    private static FairnessReviewRow Review(Guid tenantId, Guid profileSetId) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, ProfileSetId = profileSetId, Findings = "[]", Reasoning = "Checked.", ReviewedAt = T0, ClientId = "turns-client", UserId = "reviewer",
    };
}
