using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Datawijs.Tests.Shared;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// Each process keeps the quality counts of what it stored; records another process added in between
/// must still be counted, not skipped.
/// </summary>
public sealed class UploadCountTests
{
    [Fact]
    public async Task Records_another_process_added_are_counted_into_the_next_report()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = await TestApiHost.StartAsync(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = key });
        await using var second = await TestApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Pseudonymisation:MasterKey"] = key,
            ["Database:ConnectionString"] = $"Data Source={first.DatabasePath}",
        });
        var client = await first.AddClientAsync("twee-processen");
        using var one = first.CreateHttpClient(client);
        using var other = second.CreateHttpClient(client);
        var ct = TestContext.Current.CancellationToken;
        using var created = await one.PostAsync(new Uri("/api/v1/datasets", UriKind.Relative),
            new StringContent(StreamedCsvUpload.DatasetJson, System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var records = new Uri($"/api/v1/datasets/{(await IdAsync(created))}/records", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await one.PostAsync(records, StreamedCsvUpload.Complete(100), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync(records, StreamedCsvUpload.Complete(50), ct)).StatusCode);
        using var last = await one.PostAsync(records, StreamedCsvUpload.Complete(10), ct);

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        using var dataset = JsonDocument.Parse(await last.Content.ReadAsStringAsync(ct));
        Assert.Equal(160, dataset.RootElement.GetProperty("recordCount").GetInt64());
        Assert.Equal(160, dataset.RootElement.GetProperty("quality").GetProperty("households").GetInt32());
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("id").GetGuid();
    }
}
