using System.Net;
using Datawijs.Client;
using Datawijs.Tests.Shared;

namespace Datawijs.EndToEnd.Tests;

public sealed class ClusteringTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static async Task<Dataset> DatasetWithRecordsAsync(DatawijsClient client, int count = 300)
    {
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var uploaded = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(count)));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        return uploaded.Content!;
    }

    public static async Task<Clustering> FinishedAsync(DatawijsClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var clustering = (await client.Clusterings.GetClusteringAsync(id)).Content!;
            if (clustering.Status is ClusteringStatus.Succeeded or ClusteringStatus.Failed or ClusteringStatus.Cancelled || DateTime.UtcNow > deadline)
            {
                return clustering;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Clustering_runs_in_the_background_and_reports_quality_per_k()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await DatasetWithRecordsAsync(client);

        var started = await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { KMin = 3, KMax = 6, Seed = 11, Restarts = 3 });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.EndsWith("/api/v1/clusterings/" + started.Content!.Id, started.Headers!.Location!.ToString(), StringComparison.Ordinal);
        var done = await FinishedAsync(client, started.Content.Id);
        Assert.Equal(ClusteringStatus.Succeeded, done.Status);
        Assert.Equal(1.0, done.Progress);
        Assert.InRange(done.K!.Value, 3, 6);
        Assert.Equal([3, 4, 5, 6], done.QualityPerK.Select(q => q.K).Order());
        Assert.All(done.QualityPerK, q => Assert.NotNull(q.Silhouette));
        Assert.True(done.MeetsMinimumClusterSize);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(3, done.Requested.KMin);
    }

    [Fact]
    public async Task Same_data_and_seed_give_the_same_clustering()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await DatasetWithRecordsAsync(client, 200);

        var first = await FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 4, Seed = 5 })).Content!.Id);
        var second = await FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 4, Seed = 5 })).Content!.Id);

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(first.Gamma, second.Gamma);
    }

    [Fact]
    public async Task Invalid_options_and_an_empty_dataset_give_400_and_another_tenant_404()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var empty = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;

        var both = await client.Clusterings.CreateClusteringAsync(empty.Id, new CreateClusteringRequest { K = 3, KMin = 2 });
        var noRecords = await client.Clusterings.CreateClusteringAsync(empty.Id, new CreateClusteringRequest { K = 3 });
        var foreign = await stranger.Clusterings.CreateClusteringAsync(empty.Id, new CreateClusteringRequest { K = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains(both.Problem()!.InvalidParams!, p => p.Name == "k");
        Assert.Equal(HttpStatusCode.BadRequest, noRecords.StatusCode);
        Assert.Contains(noRecords.Problem()!.InvalidParams!, p => p.Code == "no-records");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    // The contract's ranges are the ones enforced, and a problem names the field it is about.
    [Fact]
    public async Task K_ranges_that_do_not_fit_the_data_name_their_field()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await DatasetWithRecordsAsync(client, 12);

        var kMinOne = await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { KMin = 1, KMax = 3 });
        var kTooLarge = await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 20 });
        var kMaxTooLarge = await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { KMin = 2, KMax = 20 });
        var kMinAlone = await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { KMin = 10 });

        Assert.Equal("kMin", Assert.Single(kMinOne.Problem()!.InvalidParams!).Name);
        Assert.Equal(("k", "maximum"), (Assert.Single(kTooLarge.Problem()!.InvalidParams!).Name, kTooLarge.Problem()!.InvalidParams![0].Code));
        Assert.Equal(("kMax", "maximum"), (Assert.Single(kMaxTooLarge.Problem()!.InvalidParams!).Name, kMaxTooLarge.Problem()!.InvalidParams![0].Code));
        Assert.Equal(HttpStatusCode.Accepted, kMinAlone.StatusCode);
        Assert.Equal((10, 10), (kMinAlone.Content!.Requested.KMin, kMinAlone.Content.Requested.KMax));
    }

    [Fact]
    public async Task A_running_clustering_stops_when_cancelled()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await DatasetWithRecordsAsync(client, 30_000);
        var started = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { KMin = 2, KMax = 20, Restarts = 30 })).Content!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.Clusterings.GetClusteringAsync(started.Id)).Content!.Status == ClusteringStatus.Queued && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var cancel = await client.Clusterings.CancelClusteringAsync(started.Id);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(cancel.Content!.CancellationRequested);
        var done = await FinishedAsync(client, started.Id);
        Assert.Equal(ClusteringStatus.Cancelled, done.Status);
        Assert.Equal("Cancelled on request.", done.Error);
    }

    [Fact]
    public async Task Finished_clustering_cannot_be_cancelled_and_strangers_see_nothing()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = await DatasetWithRecordsAsync(client, 100);
        var done = await FinishedAsync(client, (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2 })).Content!.Id);

        var cancel = await client.Clusterings.CancelClusteringAsync(done.Id);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Clusterings.GetClusteringAsync(done.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Clusterings.CancelClusteringAsync(done.Id)).StatusCode);
    }
}

/// <summary>Job life cycle that needs control over the worker: queued cancellation and restart recovery.</summary>
public sealed class ClusteringLifecycleTests
{
    [Fact]
    public async Task A_queued_clustering_is_cancelled_at_once()
    {
        await using var host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Clustering:WorkerEnabled"] = "false" });
        var client = ClientOf(host, await host.AddClientAsync(ApiFixture.NewTenant()));
        var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 50);
        var queued = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2 })).Content!;
        Assert.Equal(ClusteringStatus.Queued, queued.Status);

        var cancelled = await client.Clusterings.CancelClusteringAsync(queued.Id);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(ClusteringStatus.Cancelled, cancelled.Content!.Status);
        Assert.Equal(ClusteringStatus.Cancelled, (await client.Clusterings.GetClusteringAsync(queued.Id)).Content!.Status);
    }

    [Fact]
    public async Task After_a_restart_a_job_left_without_a_lease_is_taken_over_one_that_stopped_too_often_is_failed_and_queued_jobs_run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "shared.db")}",
            ["Pseudonymisation:MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Clustering:WorkerEnabled"] = "false",
        };
        Guid interrupted, exhausted, waiting;
        Datawijs.Api.Admin.IssuedClient issued;
        await using (var first = await TestApiHost.StartAsync(settings))
        {
            issued = await first.AddClientAsync(ApiFixture.NewTenant());
            var client = ClientOf(first, issued);
            var dataset = await ClusteringTests.DatasetWithRecordsAsync(client, 50);
            interrupted = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2 })).Content!.Id;
            exhausted = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2 })).Content!.Id;
            waiting = (await client.Clusterings.CreateClusteringAsync(dataset.Id, new CreateClusteringRequest { K = 2 })).Content!.Id;

            // Left running by a version without leases, and one whose lease expired after its last allowed attempt.
            await first.ExecuteSqlAsync($"UPDATE clusterings SET status = 'running' WHERE id = '{interrupted:D}'");
            await first.ExecuteSqlAsync($"UPDATE clusterings SET status = 'running', attempts = 3, lease_owner = 'gone/1/x', lease_until = '2020-01-01T00:00:00.0000000Z' WHERE id = '{exhausted:D}'");
        }

        settings["Clustering:WorkerEnabled"] = "true";
        await using var second = await TestApiHost.StartAsync(settings);
        var again = ClientOf(second, issued);

        var takenOver = await ClusteringTests.FinishedAsync(again, interrupted);
        var failed = await ClusteringTests.FinishedAsync(again, exhausted);
        var resumed = await ClusteringTests.FinishedAsync(again, waiting);

        Assert.Equal(ClusteringStatus.Succeeded, takenOver.Status);
        Assert.Equal(ClusteringStatus.Failed, failed.Status);
        Assert.Contains("server stopped", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ClusteringStatus.Succeeded, resumed.Status);
    }

    private static DatawijsClient ClientOf(TestApiHost host, Datawijs.Api.Admin.IssuedClient issued) =>
        DatawijsClient.Create(
            new DatawijsClientOptions { BaseAddress = new Uri("http://localhost"), ClientId = issued.ClientId, Secret = issued.Secret },
            host.Server.CreateHandler());
}
