using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Datawijs.Data.Infrastructure;
using static Datawijs.Api.Tests.Hardening.ProcessTestSteps;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Two real API processes on one SQLite file and one master key, as behind a load balancer: both serve;
/// the one running a clustering is killed (SIGKILL) and the other finishes the job once its lease has
/// expired, storing the result once; starting an instance fails no job that another live instance runs.
/// </summary>
public sealed class SeveralInstancesTests
{
    private const int TestTimeoutMilliseconds = 180_000;

    [Fact(Timeout = TestTimeoutMilliseconds)]
    public async Task Two_instances_serve_one_database_and_the_survivor_finishes_the_clustering_of_the_killed_one_once()
    {
        Assert.SkipUnless(ApiProcess.IsSupported, "Sends POSIX signals to a child process.");
        var watch = Stopwatch.StartNew();
        await using var first = (await ApiProcess.CreateAsync())
            .With("Clustering__LeaseSeconds", "3")
            .With("Clustering__HeartbeatSeconds", "1");
        await using var second = first.Twin();

        // A job that a live instance elsewhere runs (its lease is renewed far ahead): no instance that starts may touch it.
        var elsewhere = Guid.CreateVersion7();
        await first.ExecuteAsync(ElsewhereJobSql(elsewhere));

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var dataset = await CreateDatasetAsync(first);
        using (var http = first.CreateHttpClient())
        {
            using var uploaded = await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), StreamedCsvUpload.Complete(20_000), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        // Both serve the same data.
        foreach (var instance in new[] { first, second })
        {
            using var http = instance.CreateHttpClient();
            using var found = await GetJsonAsync(http, $"/api/v1/datasets/{dataset}");
            Assert.Equal(20_000, found.RootElement.GetProperty("recordCount").GetInt64());
        }

        Guid clustering;
        using (var http = second.CreateHttpClient())
        {
            using var started = await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/clusterings"),
                Json("""{"k":6,"restarts":5}"""), TestContext.Current.CancellationToken);
            var body = await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(started.StatusCode == HttpStatusCode.Accepted, body);
            using var job = JsonDocument.Parse(body);
            clustering = job.RootElement.GetProperty("id").GetGuid();
        }

        // Whichever instance claimed it is killed while it runs.
        string? owner = null;
        await EventuallyAsync(async () =>
        {
            owner = await first.ScalarAsync($"SELECT lease_owner FROM clusterings WHERE id = '{clustering:D}' AND status = 'running'") as string;
            return owner is not null;
        }, "the clustering never started", first, second);
        var (runner, survivor) = OwnedBy(owner!, first) ? (first, second) : (second, first);
        Assert.True(OwnedBy(owner!, runner), $"lease owner {owner} is neither process ({first.ProcessId}, {second.ProcessId})");
        await runner.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        Assert.Equal("running", await first.ScalarAsync($"SELECT status FROM clusterings WHERE id = '{clustering:D}'"));

        using var after = survivor.CreateHttpClient(Patience);
        await EventuallyAsync(async () => await StatusAsync(after, clustering) is not ("queued" or "running"), "the survivor never finished the clustering", first, second);
        var takenOverAfter = Stopwatch.GetElapsedTime(killedAt);

        using var finished = await GetJsonAsync(after, $"/api/v1/clusterings/{clustering}");
        Assert.Equal("succeeded", finished.RootElement.GetProperty("status").GetString());
        Assert.Equal(6, finished.RootElement.GetProperty("k").GetInt32());
        Assert.True(takenOverAfter >= TimeSpan.FromSeconds(2), $"taken over {takenOverAfter.TotalSeconds:F1} s after the kill, before the 3 s lease could expire");

        // Stored once, by the survivor, on its second claim.
        var stored = await first.ScalarAsync($"SELECT lease_owner || ' ' || attempts || ' ' || (outcome IS NOT NULL) FROM clusterings WHERE id = '{clustering:D}'") as string;
        Assert.Equal($"{stored!.Split(' ')[0]} 2 1", stored);
        Assert.True(OwnedBy(stored.Split(' ')[0], survivor), stored);
        Assert.Equal(1L, await first.ScalarAsync($"SELECT COUNT(*) FROM clusterings WHERE id = '{clustering:D}'"));

        // The job another instance runs was never failed nor taken over.
        Assert.Equal("running elsewhere/1/live", await first.ScalarAsync($"SELECT status || ' ' || lease_owner FROM clusterings WHERE id = '{elsewhere:D}'"));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"taken over and finished {takenOverAfter.TotalSeconds:F1} s after the kill; whole test {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static bool OwnedBy(string owner, ApiProcess process) =>
        owner.Split('/') is [_, var pid, _] && pid == process.ProcessId.ToString(CultureInfo.InvariantCulture);

    private static string ElsewhereJobSql(Guid id)
    {
        var now = DateTimeOffset.UtcNow;
        return $"""
            INSERT INTO datasets (id, tenant_id, name, purpose, features, retention_until, record_count, created_at, updated_at, subject_id_kind)
            SELECT '{id:D}', id, 'Elders', 'Elders', '[]', '2030-12-31T00:00:00.0000000Z', 0, '{DapperSetup.ToSqliteText(now)}', '{DapperSetup.ToSqliteText(now)}', 'other' FROM tenants LIMIT 1;
            INSERT INTO clusterings (id, tenant_id, dataset_id, status, options, progress, cancel_requested, created_at, started_at, lease_owner, lease_token, lease_until, attempts)
            SELECT '{id:D}', tenant_id, id, 'running', '{"{"}"k":2,"seed":1,"restarts":1{"}"}', 0.3, 0, '{DapperSetup.ToSqliteText(now)}', '{DapperSetup.ToSqliteText(now)}',
                   'elsewhere/1/live', '{Guid.NewGuid():D}', '{DapperSetup.ToSqliteText(now.AddHours(1))}', 1
            FROM datasets WHERE id = '{id:D}';
            """;
    }

    private static async Task<string?> StatusAsync(HttpClient http, Guid clustering)
    {
        using var job = await GetJsonAsync(http, $"/api/v1/clusterings/{clustering}");
        return job.RootElement.GetProperty("status").GetString();
    }
}
