using System.Globalization;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using FastEndpoints;
using Microsoft.AspNetCore.Mvc;

namespace Datawijs.Api.Features.Datasets.Upload;

public sealed class Endpoint(DatasetRepository datasets, RecordUploader uploader, UploadGate gate) : Endpoint<Request, Dataset>
{
    /// <summary>When to try again after a 429 for uploads in progress.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Uploads may be far larger than JSON bodies: 1,000,000 records fit comfortably.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public override void Configure()
    {
        Post("/datasets/{id}/records");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b
            .WithOperationId("uploadDatasetRecords")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithMetadata(new RawBodyAttribute(RecordFormats.Csv, RecordFormats.Ndjson)));
        Description(b => b.ClearDefaultAccepts().Produces<Dataset>(200).ProducesProblems(400, 404, 413, 415));
        Summary(s =>
        {
            s.Summary = "Upload pseudonymised records (CSV or NDJSON)";
            s.Description = """
                Send `text/csv` (header: `subjectId`, then the feature names in any order) or `application/x-ndjson`
                (one object per line: `subjectId` and the features by name). Empty cells, null or left-out members
                are missing values. The records are added to the dataset in one transaction: if any record is bad,
                nothing is stored and the answer is 400 with the first 100 problems in `invalidParams`, named
                `records[<row>].<column>` (row 1 = the first record after the header). `subjectId` is pseudonymised
                on arrival with the tenant's keyed HMAC; the raw value is never stored or logged.
                An NDJSON line may be at most 262,144 characters. A tenant may have `Uploads:MaxConcurrentPerTenant`
                uploads in progress at once (429 `too-many-uploads`); the records waiting to be stored may take
                `Uploads:MaxSpoolBytes` on disk: an upload larger than that answers 413 `upload-too-large`, and one
                that does not fit next to the uploads in progress 429 `upload-space-full`. A 429 carries `Retry-After`.
                """;
            s.Responses[200] = "Stored; the dataset with its new record count and data-quality report.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        using var slot = gate.TryEnter(tenant);
        if (slot is null)
        {
            HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(HttpContext, 429, "too-many-uploads",
                "This organisation has as many uploads in progress as allowed. Wait until one has finished and try again.");
            return;
        }

        var dataset = await datasets.FindAsync(tenant, req.Id, ct);
        if (dataset is null)
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        var reader = RecordFormats.For(HttpContext.Request.ContentType, HttpContext.Request.Body, StoredJson.Features(dataset.Features));
        if (reader is null)
        {
            await Problems.WriteAsync(HttpContext, 415, "unsupported-media-type", "Send the records as text/csv or application/x-ndjson.");
            return;
        }

        var outcome = await uploader.UploadAsync(dataset, reader, ct, slot);
        if (outcome.Refusal == SpoolRefusal.UploadTooLarge)
        {
            await Problems.WriteAsync(HttpContext, 413, "upload-too-large",
                "The upload is larger than this server keeps waiting to be stored (Uploads:MaxSpoolBytes); nothing was stored. Send the records in parts.");
            return;
        }

        if (outcome.Refusal == SpoolRefusal.SpoolFull)
        {
            HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(HttpContext, 429, "upload-space-full",
                "Other uploads in progress take the space for records waiting to be stored; nothing was stored. Try again shortly.");
            return;
        }

        if (!outcome.Stored)
        {
            var detail = outcome.InvalidRecords > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{outcome.InvalidRecords} of {outcome.Records} records are invalid; nothing was stored. invalidParams lists the first {RecordUploader.MaxProblemsReported} problems by row.")
                : "The upload cannot be read; nothing was stored. See invalidParams.";
            await Problems.WriteAsync(HttpContext, 400, "invalid-records", detail,
                outcome.Problems.Select(p => new InvalidParam(NameOf(p), p.Code, Reason(p))).ToList());
            return;
        }

        await Send.OkAsync(Dataset.From(outcome.Dataset!), ct);
    }

    private static string NameOf(RecordProblem problem) =>
        problem.Row == 0
            ? "header" + (problem.Column is null ? "" : "." + problem.Column)
            : string.Create(CultureInfo.InvariantCulture, $"records[{problem.Row}]") + (problem.Column is null ? "" : "." + problem.Column);

    private static string Reason(RecordProblem problem) =>
        problem.Row == 0
            ? problem.Reason
            : string.Create(CultureInfo.InvariantCulture, $"Row {problem.Row}{(problem.Column is null ? "" : ", " + problem.Column)}: {problem.Reason}");
}
