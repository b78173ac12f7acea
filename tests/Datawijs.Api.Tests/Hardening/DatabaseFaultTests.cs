using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Datawijs.Data.Infrastructure;
using Datawijs.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// The database goes away or gets stuck under a running API: writes answer 503 problem+json with
/// Retry-After, <c>/health/ready</c> answers 503, and both recover once the fault is gone, without
/// a restart. The host waits one second on a busy database instead of fifteen. A long write
/// transaction of the API itself is not such a fault: it stays ready.
/// </summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task A_database_locked_by_another_writer_gives_503_and_not_ready_then_recovers_without_restart()
    {
        await using var host = await StartAsync();
        using var http = await AuthenticatedClientAsync(host);
        using (var before = await CreateOrganisationAsync(http, "Gemeente Voor"))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        await using (var locker = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync(TestContext.Current.CancellationToken);
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            using (var write = await CreateOrganisationAsync(http, "Gemeente Tijdens"))
            {
                await AssertDatabaseUnavailableAsync(write);
            }

            using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
            {
                await AssertDatabaseUnavailableAsync(ready);
            }

            // Under WAL a stuck writer does not stop readers: reads go on.
            using (var read = await http.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await AssertRecoveredAsync(http);
    }

    [Fact]
    public async Task A_database_file_that_disappears_gives_503_and_not_ready_then_recovers_when_it_is_back()
    {
        await using var host = await StartAsync();
        using var http = await AuthenticatedClientAsync(host);
        using (var before = await CreateOrganisationAsync(http, "Gemeente Voor"))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        // As when a volume is unmounted or the folder is moved: pooled connections still hold the old file open.
        var directory = Path.GetDirectoryName(host.DatabasePath)!;
        var away = directory + "-away";
        Directory.Move(directory, away);
        try
        {
            using (var write = await CreateOrganisationAsync(http, "Gemeente Tijdens"))
            {
                await AssertDatabaseUnavailableAsync(write);
            }

            using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
            {
                await AssertDatabaseUnavailableAsync(ready);
            }
        }
        finally
        {
            Directory.Move(away, directory);
        }

        await AssertRecoveredAsync(http);
    }

    [Fact]
    public async Task Ready_while_this_process_itself_holds_the_write_lock_longer_than_the_probe_waits()
    {
        await using var host = await StartAsync();
        using var http = host.CreateHttpClient();
        var connections = host.Services.GetRequiredService<IDbConnectionFactory>();

        // As while an upload of a million rows is stored: this process's writer turn, and the write lock for seconds.
        using (await connections.WriterTurnAsync(TestContext.Current.CancellationToken))
        await using (var writer = await connections.OpenAsync(TestContext.Current.CancellationToken))
        {
            await using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
            {
                var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{(int)ready.StatusCode}: {body}");
            }

            await using var rollback = writer.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var after = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_stalled_upload_does_not_keep_other_writers_waiting()
    {
        await using var host = await StartAsync();
        using var http = await AuthenticatedClientAsync(host);
        using var created = await http.PostAsync(new Uri("/api/v1/datasets", UriKind.Relative),
            new StringContent(StreamedCsvUpload.DatasetJson, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var dataset = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = dataset.RootElement.GetProperty("id").GetGuid();

        // A client that sends part of an upload and then stalls (slow network, or on purpose).
        using var upload = new StreamedCsvUpload(rowsBeforePause: 2_000, rowsAfterPause: 10);
        var sending = http.PostAsync(new Uri($"/api/v1/datasets/{id}/records", UriKind.Relative), upload, TestContext.Current.CancellationToken);
        await upload.Paused.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // let the server read what was sent
        try
        {
            using var write = await CreateOrganisationAsync(http, "Gemeente Intussen");
            Assert.True(write.StatusCode == HttpStatusCode.Created,
                $"{(int)write.StatusCode}: another tenant's write waited for the stalled upload's transaction");
        }
        finally
        {
            upload.Release();
            using var stored = await sending;
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        }
    }

    internal static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("database-unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    // One second on a busy database keeps the tests short; the default is fifteen.
    private static Task<TestApiHost> StartAsync() =>
        TestApiHost.StartAsync(new Dictionary<string, string?> { ["Clustering:WorkerEnabled"] = "false" }, connectionOptions: "Default Timeout=1");

    private static async Task<HttpClient> AuthenticatedClientAsync(TestApiHost host)
    {
        var client = await host.AddClientAsync("storing-" + Guid.NewGuid().ToString("N")[..8]);
        return host.CreateHttpClient(client);
    }

    private static Task<HttpResponseMessage> CreateOrganisationAsync(HttpClient http, string name) =>
        http.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative),
            new { name, kind = "municipality", inhabitants = 25_000 }, TestContext.Current.CancellationToken);

    private static async Task<int> CountOrganisationsAsync(HttpClient http)
    {
        using var list = await http.GetAsync(new Uri("/api/v1/organisations?limit=100", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return page.RootElement.GetProperty("items").GetArrayLength();
    }

    // Ready again and writing again, without a restart: one organisation from before the fault, one after.
    private static async Task AssertRecoveredAsync(HttpClient http)
    {
        using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using (var after = await CreateOrganisationAsync(http, "Gemeente Na"))
        {
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        }

        Assert.Equal(2, await CountOrganisationsAsync(http));
    }
}
