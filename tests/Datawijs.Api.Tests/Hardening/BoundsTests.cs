using System.Net;
using System.Text;
using System.Text.Json;
using Datawijs.Api.Features.Datasets;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// One tenant cannot take all: its queued and running clusterings are limited (429 with Retry-After),
/// as are its uploads in progress and the spool space of uploads on one instance (429, or 413 for one upload
/// that can never fit). Each refusal is problem+json with its own code, stores nothing and leaves other tenants alone.
/// </summary>
public sealed class BoundsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Beyond_its_limit_of_open_clusterings_a_tenant_gets_429_with_retry_after_and_others_do_not()
    {
        await using var host = await TestApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Clustering:WorkerEnabled"] = "false",
            ["Clustering:MaxOpenPerTenant"] = "2",
        });
        using var busy = host.CreateHttpClient(await host.AddClientAsync("druk"));
        using var quiet = host.CreateHttpClient(await host.AddClientAsync("rustig"));
        var busyData = await DatasetWithRecordsAsync(busy, 50);
        var quietData = await DatasetWithRecordsAsync(quiet, 50);

        var first = await StartClusteringAsync(busy, busyData);
        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(busy, busyData)).StatusCode);
        using var refused = await StartAsync(busy, busyData);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too-many-clusterings", await CodeAsync(refused));
        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(quiet, quietData)).StatusCode);

        // A cancelled job no longer counts.
        Assert.Equal(HttpStatusCode.Accepted, (await busy.PostAsync(Relative($"/api/v1/clusterings/{first}/cancellation"), null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(busy, busyData)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_gets_429_for_one_upload_too_many_at_once_and_the_slot_is_free_again_afterwards()
    {
        await using var host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Uploads:MaxConcurrentPerTenant"] = "1" });
        using var busy = host.CreateHttpClient(await host.AddClientAsync("druk"));
        using var quiet = host.CreateHttpClient(await host.AddClientAsync("rustig"));
        var busyData = await DatasetAsync(busy);
        var quietData = await DatasetAsync(quiet);
        var gate = host.Services.GetRequiredService<UploadGate>();

        using var held = new StreamedCsvUpload(rowsBeforePause: 100, rowsAfterPause: 100);
        var sending = busy.PostAsync(Relative($"/api/v1/datasets/{busyData}/records"), held, TestContext.Current.CancellationToken);
        await EventuallyAsync(() => gate.SpoolBytes > 0, "the first upload never started spooling");

        using var refused = await busy.PostAsync(Relative($"/api/v1/datasets/{busyData}/records"), StreamedCsvUpload.Complete(10), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too-many-uploads", await CodeAsync(refused));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await quiet.PostAsync(Relative($"/api/v1/datasets/{quietData}/records"), StreamedCsvUpload.Complete(10), TestContext.Current.CancellationToken)).StatusCode);

        held.Release();
        Assert.Equal(HttpStatusCode.OK, (await sending).StatusCode);
        Assert.Equal(0, gate.SpoolBytes);
        Assert.Equal(HttpStatusCode.OK, (await busy.PostAsync(Relative($"/api/v1/datasets/{busyData}/records"), StreamedCsvUpload.Complete(10), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(210, await RecordCountAsync(busy, busyData));
    }

    [Fact]
    public async Task Spool_space_refuses_an_upload_that_can_never_fit_with_413_and_one_that_does_not_fit_now_with_429_storing_nothing()
    {
        await using var host = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Uploads:MaxSpoolBytes"] = "1048576" });
        using var http = host.CreateHttpClient(await host.AddClientAsync("ruimte"));
        var dataset = await DatasetAsync(http);
        var gate = host.Services.GetRequiredService<UploadGate>();

        // About 56 bytes a record in the spool: 30,000 records take more than the whole 1 MiB.
        using var tooLarge = await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), StreamedCsvUpload.Complete(30_000), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("upload-too-large", await CodeAsync(tooLarge));
        Assert.Equal(0, await RecordCountAsync(http, dataset));
        Assert.Equal(0, gate.SpoolBytes);

        // An upload in progress holds the space (taken in 1 MiB steps): the next one is told to come back.
        using var held = new StreamedCsvUpload(rowsBeforePause: 100, rowsAfterPause: 100);
        var sending = http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), held, TestContext.Current.CancellationToken);
        await EventuallyAsync(() => gate.SpoolBytes > 0, "the first upload never started spooling");
        using var full = await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), StreamedCsvUpload.Complete(10), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
        Assert.Equal("upload-space-full", await CodeAsync(full));
        Assert.NotNull(full.Headers.RetryAfter);

        held.Release();
        Assert.Equal(HttpStatusCode.OK, (await sending).StatusCode);
        Assert.Equal(200, await RecordCountAsync(http, dataset));
        Assert.Equal(0, gate.SpoolBytes);
    }

    private static async Task<HttpResponseMessage> StartAsync(HttpClient http, Guid dataset) =>
        await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/clusterings"), Json("""{"k":2}"""), TestContext.Current.CancellationToken);

    private static async Task<Guid> StartClusteringAsync(HttpClient http, Guid dataset)
    {
        using var started = await StartAsync(http, dataset);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> DatasetAsync(HttpClient http)
    {
        using var created = await http.PostAsync(Relative("/api/v1/datasets"), Json(StreamedCsvUpload.DatasetJson), TestContext.Current.CancellationToken);
        var text = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> DatasetWithRecordsAsync(HttpClient http, int rows)
    {
        var dataset = await DatasetAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(Relative($"/api/v1/datasets/{dataset}/records"), StreamedCsvUpload.Complete(rows), TestContext.Current.CancellationToken)).StatusCode);
        return dataset;
    }

    private static async Task<long> RecordCountAsync(HttpClient http, Guid dataset)
    {
        using var response = await http.GetAsync(Relative($"/api/v1/datasets/{dataset}"), TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("recordCount").GetInt64();
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("code").GetString();
    }

    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
