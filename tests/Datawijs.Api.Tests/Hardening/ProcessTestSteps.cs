using System.Net;
using System.Text;
using System.Text.Json;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>The steps the tests on real API processes share: create a dataset, read JSON, wait for a condition.</summary>
internal static class ProcessTestSteps
{
    /// <summary>How long a step may take on a loaded machine before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<Guid> CreateDatasetAsync(ApiProcess api)
    {
        using var http = api.CreateHttpClient();
        using var created = await http.PostAsync(Relative("/api/v1/datasets"), Json(StreamedCsvUpload.DatasetJson), TestContext.Current.CancellationToken);
        var body = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        using var dataset = JsonDocument.Parse(body);
        return dataset.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(Relative(path), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    public static Uri Relative(string path) => new(path, UriKind.Relative);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Polls instead of sleeping: fast on an idle machine, patient on a loaded one. A failure shows every process's output.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string failure, params ApiProcess[] processes)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure + Environment.NewLine + string.Join(Environment.NewLine, processes.Select(p => p.Output)));
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }
}
