using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using static Datawijs.Api.Tests.Hardening.ProcessTestSteps;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Faults of the process itself, on the real executable: killed (SIGKILL) in the middle of an upload
/// and started again on the same database, and stopped (SIGTERM) with a request in flight. A clustering
/// whose process is killed is taken over by another instance: <see cref="SeveralInstancesTests"/>.
/// </summary>
public sealed class ProcessFaultTests
{
    // A hung child process fails the test instead of the whole run.
    private const int TestTimeoutMilliseconds = 240_000;

    [Fact(Timeout = TestTimeoutMilliseconds)]
    public async Task Killed_during_an_upload_the_restarted_api_shows_no_records_of_it()
    {
        Assert.SkipUnless(ApiProcess.IsSupported, "Sends POSIX signals to a child process.");
        await using var api = await ApiProcess.CreateAsync();
        await api.StartAsync();
        var dataset = await CreateDatasetAsync(api);

        var wal = new FileInfo(api.DatabasePath + "-wal");
        var walBefore = wal.Exists ? wal.Length : 0;
        using var upload = new StreamedCsvUpload(rowsBeforePause: 300_000, rowsAfterPause: 0);
        upload.Release();
        using var uploader = api.CreateHttpClient(Patience);
        var sending = uploader.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), upload, TestContext.Current.CancellationToken);

        // The body is read and checked first; then the rows go into one transaction. Once they spill into
        // the write-ahead log they are on disk, uncommitted: that is when the power goes.
        await EventuallyAsync(
            () =>
            {
                Assert.False(sending.IsCompleted, "the upload ended before the kill");
                wal.Refresh();
                return Task.FromResult(wal.Exists && wal.Length > walBefore + (2 << 20));
            },
            "the upload's rows never reached the write-ahead log", api);
        await api.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending);

        await api.StartAsync();
        using var http = api.CreateHttpClient();
        using var found = await GetJsonAsync(http, $"/api/v1/datasets/{dataset}");
        Assert.Equal(0, found.RootElement.GetProperty("recordCount").GetInt64());
        Assert.Equal(0, await api.CountRecordsAsync(dataset));

        // The dataset is usable: a complete upload afterwards is stored whole.
        using var retried = await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), StreamedCsvUpload.Complete(500), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(500, await api.CountRecordsAsync(dataset));
    }

    [Fact(Timeout = TestTimeoutMilliseconds)]
    public async Task Sigterm_refuses_new_connections_lets_the_request_in_flight_finish_and_exits_0()
    {
        Assert.SkipUnless(ApiProcess.IsSupported, "Sends POSIX signals to a child process.");
        await using var api = await ApiProcess.CreateAsync();
        await api.StartAsync();
        var dataset = await CreateDatasetAsync(api);

        var upload = new StreamedCsvUpload(rowsBeforePause: 2_000, rowsAfterPause: 2_000);
        using var uploader = api.CreateHttpClient(Patience);
        var sending = uploader.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), upload, TestContext.Current.CancellationToken);
        await upload.Paused.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await api.TerminateAsync();
        await EventuallyAsync(async () => !await AcceptsConnectionsAsync(api.BaseAddress), "the API went on accepting connections after SIGTERM", api);
        upload.Release();

        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var stored = JsonDocument.Parse(body);
        Assert.Equal(upload.TotalRows, stored.RootElement.GetProperty("recordCount").GetInt64());

        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (still running)"}{Environment.NewLine}{api.Output}");
        Assert.Equal(upload.TotalRows, await api.CountRecordsAsync(dataset));
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri address)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
