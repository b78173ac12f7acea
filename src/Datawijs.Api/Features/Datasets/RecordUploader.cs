using System.Globalization;
using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The outcome of an upload: stored (with the new totals) or refused with the problems found.</summary>
public sealed record UploadOutcome(bool Stored, long Records, long InvalidRecords, IReadOnlyList<RecordProblem> Problems, DatasetRow? Dataset);

/// <summary>
/// Stores an upload all or nothing: each record is read, checked and pseudonymised into a local spool
/// file; only when the whole body is read and every record is good are they inserted, in one
/// transaction. Memory stays flat in the number of rows; the quality report at the end reads the
/// dataset back once. The transaction is not opened while the body is still arriving: SQLite has one
/// writer, and a slow or stalled client would keep every other write (of every tenant) waiting until
/// it failed with 503.
/// </summary>
public sealed class RecordUploader(DatasetRepository datasets, KeyRing keys, TimeProvider clock)
{
    public const int MaxProblemsReported = 100;

    public async Task<UploadOutcome> UploadAsync(DatasetRow dataset, IRecordReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(reader);
        var features = StoredJson.Features(dataset.Features);
        var schema = new RecordSchema(features);
        var header = await reader.StartAsync(ct);
        if (header.Count > 0)
        {
            return new UploadOutcome(false, 0, 0, header.Take(MaxProblemsReported).ToList(), null);
        }

        var pseudonymiser = keys.PseudonymiserFor(dataset.TenantId);
        var problems = new List<RecordProblem>();
        var cellProblems = new List<CellProblem>();
        long rows = 0;
        long invalid = 0;
        await using var spool = RecordSpool.Create();
        while (await reader.NextAsync(ct) is { } record)
        {
            rows++;
            var bad = record.Problems.Count > 0;
            Report(problems, record.Problems);
            if (string.IsNullOrWhiteSpace(record.SubjectId) && !bad)
            {
                bad = true;
                Report(problems, [new RecordProblem(record.Row, RecordFormats.SubjectColumn, "required", "Every record needs a subjectId.")]);
            }
            else if (record.SubjectId?.Length > RecordFormats.MaxSubjectIdLength)
            {
                bad = true;
                Report(problems, [new RecordProblem(record.Row, RecordFormats.SubjectColumn, "max-length", $"A subjectId has at most {RecordFormats.MaxSubjectIdLength} characters.")]);
            }

            cellProblems.Clear();
            if (!schema.TryNormalise(record.Cells, cellProblems))
            {
                bad = true;
                Report(problems, cellProblems.Select(p => new RecordProblem(record.Row, p.Column, "invalid-value", p.Reason)).ToList());
            }

            if (bad)
            {
                invalid++;
                continue;
            }

            if (invalid == 0)
            {
                // The raw subject id goes no further than this line.
                var pseudonym = pseudonymiser.Pseudonymise(record.SubjectId!);
                spool.Add(pseudonym, string.Join(DatasetRepository.CellSeparator, record.Cells.Select(c => c ?? "")));
            }
        }

        if (rows == 0)
        {
            return new UploadOutcome(false, 0, 0, [new RecordProblem(0, null, "no-records", "The upload holds no records.")], null);
        }

        if (invalid > 0)
        {
            return new UploadOutcome(false, rows, invalid, problems, null);
        }

        await using var upload = await datasets.BeginUploadAsync(dataset.TenantId, dataset.Id, ct);
        long stored = 0;
        foreach (var (pseudonym, cells) in spool.ReadAll())
        {
            stored++;
            await upload.AddAsync(dataset.RecordCount + stored, pseudonym, cells, ct);
        }

        var matrix = await MatrixLoader.LoadAsync(features, upload.ReadAllAsync(ct), (int)Math.Min(int.MaxValue, dataset.RecordCount + rows));
        var quality = StoredJson.Write(DataQuality.From(DataQualityReport.Create(matrix)));
        var now = clock.GetUtcNow();
        await upload.CommitAsync(dataset.RecordCount + rows, quality, now, ct);
        return new UploadOutcome(true, rows, 0, [], new DatasetRow
        {
            Id = dataset.Id,
            TenantId = dataset.TenantId,
            Name = dataset.Name,
            Purpose = dataset.Purpose,
            Features = dataset.Features,
            RetentionUntil = dataset.RetentionUntil,
            RecordCount = dataset.RecordCount + rows,
            Quality = quality,
            CreatedAt = dataset.CreatedAt,
            UpdatedAt = now,
        });
    }

    private static void Report(List<RecordProblem> problems, IReadOnlyList<RecordProblem> found)
    {
        foreach (var problem in found)
        {
            if (problems.Count < MaxProblemsReported)
            {
                problems.Add(problem);
            }
        }
    }
}

/// <summary>Reads stored records into the clustering matrix.</summary>
public static class MatrixLoader
{
    public static async Task<MixedDataMatrix> LoadAsync(IReadOnlyList<FeatureDefinition> features, IAsyncEnumerable<string> records, int expectedRows = 1024)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new MixedDataMatrixBuilder(features, expectedRows);
        var cells = new string?[features.Count];
        await foreach (var stored in records)
        {
            var parts = stored.Split(DatasetRepository.CellSeparator);
            for (var f = 0; f < cells.Length; f++)
            {
                cells[f] = f < parts.Length && parts[f].Length > 0 ? parts[f] : null;
            }

            if (!builder.TryAddRow(cells, out var problem))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {problem}"));
            }
        }

        return builder.Build();
    }
}
