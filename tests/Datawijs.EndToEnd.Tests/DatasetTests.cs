using System.Net;
using Datawijs.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.EndToEnd.Tests;

public sealed class DatasetTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Csv_upload_stores_every_record_and_reports_quality_under_the_disclosure_rules()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var created = await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dataset = created.Content!;
        Assert.Equal(0, dataset.RecordCount);
        Assert.Null(dataset.Quality);

        var uploaded = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(300)));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(300, uploaded.Content!.RecordCount);
        var read = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!;
        Assert.Equal(300, read.RecordCount);
        Assert.Equal(300, read.Quality!.Households);
        var income = read.Quality.Features.Single(f => f.Feature == "disposableIncome");
        Assert.NotNull(income.Median);
        Assert.True(income.LowerQuartile <= income.Median && income.Median <= income.UpperQuartile);
        Assert.Equal(0, income.Missing.Households);
        var counts = read.Quality.Features.SelectMany(f => f.Values).Where(v => !v.Count.Suppressed).Select(v => v.Count.Households!.Value);
        Assert.All(counts, c => Assert.True(c >= 10 && c % 5 == 0, $"count {c}"));
    }

    [Fact]
    public async Task Upload_larger_than_the_json_body_limit_is_streamed_in()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var csv = FoodBankData.Csv(25_000);
        Assert.True(csv.Length > 1 << 20);

        var uploaded = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(csv));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(25_000, uploaded.Content!.RecordCount);
    }

    [Fact]
    public async Task Ndjson_upload_adds_records_with_missing_values()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var body = FoodBankData.Ndjson(40) + "{\"subjectId\":\"client-x\",\"benefitType\":null,\"age\":40}\n";

        var uploaded = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.NdjsonContent(body));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(41, uploaded.Content!.RecordCount);
    }

    [Fact]
    public async Task Bad_upload_is_rejected_with_row_numbers_and_nothing_is_stored()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var lines = FoodBankData.Csv(50).Split("\r\n").ToList();
        lines[3] = lines[3].Replace("socialAssistance", "bijstand", StringComparison.Ordinal).Replace("unemployment", "bijstand", StringComparison.Ordinal)
            .Replace("disability", "bijstand", StringComparison.Ordinal).Replace(",none,", ",bijstand,", StringComparison.Ordinal);
        lines[7] = "client-7,none,veel,low,rent,single,0,no,no,40,dutch";
        lines[9] = ",none,15000,low,rent,single,0,no,no,40,dutch";

        var rejected = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(string.Join("\r\n", lines)));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = rejected.Problem()!;
        Assert.Equal("invalid-records", problem.Code);
        var names = problem.InvalidParams!.Select(p => p.Name).ToList();
        Assert.Contains("records[3].benefitType", names);
        Assert.Contains("records[7].disposableIncome", names);
        Assert.Contains("records[9].subjectId", names);
        Assert.DoesNotContain(problem.InvalidParams!, p => p.Reason.Contains("client-", StringComparison.Ordinal));
        var read = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!;
        Assert.Equal(0, read.RecordCount);
        Assert.Null(read.Quality);
    }

    [Fact]
    public async Task A_bad_last_row_after_thousands_of_good_ones_stores_nothing_and_the_next_upload_works()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var csv = FoodBankData.Csv(5_000) + "client-bad,none,15000,low,rent,single,0,no,no,17,dutch\r\n";

        var rejected = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(csv));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(["records[5001].age"], rejected.Problem()!.InvalidParams!.Select(p => p.Name));
        var read = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!;
        Assert.Equal(0, read.RecordCount);
        Assert.Null(read.Quality);
        var retried = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(5_000)));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(5_000, retried.Content!.RecordCount);
    }

    [Fact]
    public async Task Quality_after_two_uploads_equals_quality_of_the_same_records_in_one()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var whole = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration("in een keer"))).Content!;
        var parts = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration("in twee delen"))).Content!;
        var lines = FoodBankData.Csv(500, seed: 12).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];

        var once = await client.Datasets.UploadDatasetRecordsAsync(whole.Id, FoodBankData.CsvContent(string.Join("\r\n", lines)));
        await client.Datasets.UploadDatasetRecordsAsync(parts.Id, FoodBankData.CsvContent(string.Join("\r\n", lines.Take(301))));
        var twice = await client.Datasets.UploadDatasetRecordsAsync(parts.Id, FoodBankData.CsvContent(header + "\r\n" + string.Join("\r\n", lines.Skip(301))));

        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(500, twice.Content!.RecordCount);
        Assert.Equal(500, twice.Content.Quality!.Households);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(once.Content!.Quality),
            System.Text.Json.JsonSerializer.Serialize(twice.Content.Quality));
    }

    [Fact]
    public async Task Concurrent_uploads_to_one_dataset_are_both_stored_in_full()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;

        var uploads = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(2_000, seed: 40 + i)))));

        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.OK, u.StatusCode));
        var read = (await client.Datasets.GetDatasetAsync(dataset.Id)).Content!;
        Assert.Equal(8_000, read.RecordCount);
        Assert.Equal(8_000, read.Quality!.Households);
    }

    [Fact]
    public async Task Unknown_column_and_wrong_media_type_are_refused()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;

        var header = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent("subjectId,bsn\r\na,1\r\n"));
        var media = await client.Datasets.UploadDatasetRecordsAsync(dataset.Id, new StringContent("x", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        Assert.Contains(header.Problem()!.InvalidParams!, p => p.Name == "header.bsn" && p.Code == "unknown-column");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media.StatusCode);
    }

    [Fact]
    public async Task Invalid_declaration_lists_every_problem()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());

        var response = await client.Datasets.CreateDatasetAsync(new CreateDatasetRequest
        {
            Name = "x",
            Purpose = "y",
            RetentionUntil = new DateOnly(2026, 1, 1),
            Features =
            [
                new DatasetFeatureInput { Name = "age", Type = "numeric", Role = "clustering", Mutable = false, Min = 10, Max = 5 },
                new DatasetFeatureInput { Name = "kind", Type = "categorical", Role = "other", Mutable = true },
                new DatasetFeatureInput { Name = "housing", Type = "categorical", Values = ["rent", "rent"], Role = "clustering", Mutable = true },
            ],
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = response.Problem()!.InvalidParams!;
        var names = problems.Select(p => p.Name).ToList();
        Assert.Contains("features[0].max", names);
        Assert.Contains("features[1].values", names);
        Assert.Contains("features[1].role", names);
        Assert.Equal("duplicate", Assert.Single(problems, p => p.Name == "features[2].values").Code);
        // A past retention date is reported together with the rest, not only once everything else is valid.
        Assert.Equal("minimum", Assert.Single(problems, p => p.Name == "retentionUntil").Code);
    }

    [Fact]
    public async Task The_retention_sweep_deletes_datasets_past_their_date_and_keeps_the_others()
    {
        var client = await api.ClientAsync(ApiFixture.NewTenant());
        var kept = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        var expired = (await client.Datasets.CreateDatasetAsync(FoodBankData.Declaration("Verlopen"))).Content!;
        await client.Datasets.UploadDatasetRecordsAsync(expired.Id, FoodBankData.CsvContent(FoodBankData.Csv(20)));
        await api.Host.ExecuteSqlAsync($"UPDATE datasets SET retention_until = '2020-01-01T00:00:00.0000000Z' WHERE id = '{expired.Id:D}'");
        var sweeper = api.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Datawijs.Api.Features.Datasets.RetentionSweeper>().Single();

        Assert.True(await sweeper.SweepAsync(CancellationToken.None) >= 1);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Datasets.GetDatasetAsync(expired.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Datasets.GetDatasetAsync(kept.Id)).StatusCode);
        Assert.Equal(0, await api.Host.CountRecordsAsync(expired.Id));
    }

    [Fact]
    public async Task Delete_leaves_no_record_and_another_tenant_gets_404()
    {
        var owner = await api.ClientAsync(ApiFixture.NewTenant());
        var stranger = await api.ClientAsync(ApiFixture.NewTenant());
        var dataset = (await owner.Datasets.CreateDatasetAsync(FoodBankData.Declaration())).Content!;
        await owner.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(30)));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Datasets.GetDatasetAsync(dataset.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Datasets.UploadDatasetRecordsAsync(dataset.Id, FoodBankData.CsvContent(FoodBankData.Csv(5)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Datasets.DeleteDatasetAsync(dataset.Id)).StatusCode);
        Assert.Empty((await stranger.Datasets.ListDatasetsAsync()).Content!.Items);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Datasets.DeleteDatasetAsync(dataset.Id)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Datasets.GetDatasetAsync(dataset.Id)).StatusCode);
        Assert.Equal(0, await api.Host.CountRecordsAsync(dataset.Id));
    }
}
