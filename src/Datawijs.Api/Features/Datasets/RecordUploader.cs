using System.Collections.Concurrent;
using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Stores an upload all or nothing. Each record is read, checked and pseudonymised into a local spool
/// file (<see cref="RecordSpool"/>) while the body arrives; only when the whole body is read and every
/// record is good are they inserted, in one short transaction. The transaction is not opened while the
/// body is still arriving: SQLite has one writer, and a slow or stalled client would keep every other
/// write (of every tenant) waiting. Memory stays flat in the number of rows: one record at a time is
/// held, in reused buffers.
/// <para>
/// The quality report covers the whole dataset (<see cref="DataQualityAccumulator"/>). The counts of the
/// records already stored are kept in this process after each upload, for <see cref="MaxKeptDatasets"/>
/// datasets, so the next upload only adds its own records: an upload costs its own size, not the
/// dataset's. The kept counts are used only while the stored record count is still the one they were
/// made for (records are only ever added, and removed only with the dataset); otherwise (after a
/// restart, or an upload by another process) the stored records are read back once, outside the write
/// lock, and inside it only when another process added records in between.
/// </para>
/// </summary>
public sealed class RecordUploader(DatasetRepository datasets, KeyRing keys, TimeProvider clock)
{
    public const int MaxProblemsReported = 100;

    /// <summary>Datasets whose counted records are kept; more at once and the counts start afresh.</summary>
    public const int MaxKeptDatasets = 8;

    private readonly DatasetLocks _uploading = new();
    private readonly ConcurrentDictionary<Guid, (long Records, DataQualityAccumulator Quality)> _counted = new();

    public async Task<UploadOutcome> UploadAsync(DatasetRow dataset, IRecordReader reader, CancellationToken ct, UploadGate.Slot? slot = null)
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

        using var pseudonyms = keys.PseudonymiserFor(dataset.TenantId).CreateWriter();
        var codec = new StoredRecordCodec(schema);
        var record = new UploadedRecord(features.Count);
        var codes = new int[features.Count];
        var numbers = new double[features.Count];
        var pseudonym = new byte[PseudonymWriter.Length];
        var subjectKind = dataset.SubjectIdKind == "other" ? SubjectIdKind.Other : SubjectIdKind.Bsn;
        var canonical = new char[SubjectIds.MaxLength];
        var problems = new List<RecordProblem>();
        var cellProblems = new List<CellProblem>();
        long rows = 0;
        long invalid = 0;

        await using var spool = RecordSpool.Create();
        while (await reader.ReadAsync(record, ct))
        {
            rows++;
            if (!Check(record, schema, subjectKind, canonical, out var canonicalLength, codes, numbers, cellProblems, problems))
            {
                invalid++;
                continue;
            }

            if (invalid == 0)
            {
                // The raw subject id goes no further than Check; its canonical form no further than this line.
                pseudonyms.Write(canonical.AsSpan(0, canonicalLength), pseudonym);
                var cells = codec.Write(codes, numbers).Span;
                if (slot?.Add(8 + pseudonym.Length + System.Text.Encoding.UTF8.GetByteCount(cells)) is { } refusal and not SpoolRefusal.None)
                {
                    return new UploadOutcome(false, rows, 0, [], null) { Refusal = refusal };
                }

                spool.Add(pseudonym, cells);
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

        // One upload per dataset at a time from here on (in this process): each one continues the
        // counts the previous one left, and a count of the stored records is done outside the write lock.
        using (await _uploading.EnterAsync(dataset.Id, ct))
        {
            // Taken out while in use: an upload that fails leaves no half-counted state behind.
            DataQualityAccumulator? quality = null;
            long existing = -1;
            if (_counted.TryRemove(dataset.Id, out var kept))
            {
                (existing, quality) = kept;
            }

            var outcome = await StoreAsync(dataset, spool, codec, features, quality, existing, rows, codes, numbers, ct);
            if (_counted.Count >= MaxKeptDatasets)
            {
                _counted.Clear();
            }

            _counted[dataset.Id] = outcome.Counted;
            return outcome.Outcome;
        }
    }

    private async Task<(UploadOutcome Outcome, (long Records, DataQualityAccumulator Quality) Counted)> StoreAsync(
        DatasetRow dataset,
        RecordSpool spool,
        StoredRecordCodec codec,
        IReadOnlyList<FeatureDefinition> features,
        DataQualityAccumulator? quality,
        long existing,
        long rows,
        int[] codes,
        double[] numbers,
        CancellationToken ct)
    {
        if (quality is null || (await datasets.FindAsync(dataset.TenantId, dataset.Id, ct))?.RecordCount != existing)
        {
            // No counts kept for what is stored now: count it, still outside the write lock.
            quality = new DataQualityAccumulator(features);
            existing = await AddStoredAsync(datasets.ReadRecordsAsync(dataset.TenantId, dataset.Id, ct), codec, quality, codes, numbers);
        }

        await using var upload = await datasets.BeginUploadAsync(dataset.TenantId, dataset.Id, ct);
        if (await upload.StoredRecordCountAsync(ct) != existing)
        {
            // Only another API process on the same database gets here; then the count is taken inside.
            quality = new DataQualityAccumulator(features);
            existing = await AddStoredAsync(upload.ReadAllAsync(ct), codec, quality, codes, numbers);
        }

        var spooled = spool.Read();
        for (var row = existing + 1; spooled.TryRead(out var subject, out var cells); row++)
        {
            codec.Read(cells.Span, codes, numbers);
            quality.Add(codes, numbers);
            await upload.AddAsync(row, subject, cells, ct);
        }

        var report = StoredJson.Write(DataQuality.From(quality.Report()));
        var now = clock.GetUtcNow();
        await upload.CommitAsync(existing + rows, report, now, ct);
        return (new UploadOutcome(true, rows, 0, [], new DatasetRow
        {
            Id = dataset.Id,
            TenantId = dataset.TenantId,
            Name = dataset.Name,
            Purpose = dataset.Purpose,
            Features = dataset.Features,
            SubjectIdKind = dataset.SubjectIdKind,
            RetentionUntil = dataset.RetentionUntil,
            RecordCount = existing + rows,
            Quality = report,
            CreatedAt = dataset.CreatedAt,
            UpdatedAt = now,
        }), (existing + rows, quality));
    }

    private static async Task<long> AddStoredAsync(IAsyncEnumerable<string> stored, StoredRecordCodec codec, DataQualityAccumulator quality, int[] codes, double[] numbers)
    {
        long count = 0;
        await foreach (var cells in stored)
        {
            count++;
            codec.Read(cells, codes, numbers);
            quality.Add(codes, numbers);
        }

        return count;
    }

    // Checks a record as read and its every cell; fills codes and numbers; reports what is wrong.
    private static bool Check(
        UploadedRecord record, RecordSchema schema, SubjectIdKind subjectKind, char[] canonical, out int canonicalLength,
        int[] codes, double[] numbers, List<CellProblem> cellProblems, List<RecordProblem> problems)
    {
        canonicalLength = 0;
        var good = record.Problems.Count == 0;
        if (!good)
        {
            Report(problems, record.Problems);
        }

        var subject = record.SubjectId is { } id ? id.Span : [];
        if (subject.IsWhiteSpace() && good)
        {
            good = false;
            Report(problems, [new RecordProblem(record.Row, RecordFormats.SubjectColumn, "required", "Every record needs a subjectId.")]);
        }
        else if (subject.Length > RecordFormats.MaxSubjectIdLength)
        {
            good = false;
            Report(problems, [new RecordProblem(record.Row, RecordFormats.SubjectColumn, "max-length", $"A subjectId has at most {RecordFormats.MaxSubjectIdLength} characters.")]);
        }
        else if (!subject.IsWhiteSpace() && !SubjectIds.TryCanonical(subject, subjectKind, canonical, out canonicalLength, out var subjectProblem))
        {
            good = false;
            Report(problems, [new RecordProblem(record.Row, RecordFormats.SubjectColumn, "invalid-bsn", subjectProblem + " Declare the dataset with subjectIdKind 'other' for identifiers that are not BSNs.")]);
        }

        cellProblems.Clear();
        for (var f = 0; f < record.FeatureCount; f++)
        {
            var cell = record.Cell(f) is { } value ? value.Span : [];
            if (!schema.TryRead(f, cell, cellProblems, out codes[f], out numbers[f]))
            {
                good = false;
            }
        }

        if (cellProblems.Count > 0)
        {
            Report(problems, cellProblems.Select(p => new RecordProblem(record.Row, p.Column, "invalid-value", p.Reason)).ToList());
        }

        return good;
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
