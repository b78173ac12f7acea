using System.Collections.Concurrent;
using System.Threading.Channels;
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
/// write (of every tenant) waiting. Reading and checking the records (<see cref="RecordChecker"/>) and
/// pseudonymising and spooling them (<see cref="RecordSpooler"/>) run on two threads, a batch of records
/// at a time (<see cref="RecordBatch"/>), and the records are counted for the quality report as they are
/// spooled, so storing them is only the database's work. Memory stays flat in the
/// number of rows: a few batches are held, in reused buffers.
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

    // Batches checked but not yet spooled; with the one being filled and the one being spooled, four in all.
    private const int BatchesInFlight = 2;

    private readonly DatasetLocks _uploading = new();
    private readonly ConcurrentDictionary<Guid, (long Records, DataQualityAccumulator Quality)> _counted = new();

    public async Task<UploadOutcome> UploadAsync(DatasetRow dataset, IRecordReader reader, CancellationToken ct, UploadGate.Slot? slot = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(reader);
        var features = StoredJson.Features(dataset.Features);
        var header = await reader.StartAsync(ct);
        if (header.Count > 0)
        {
            return new UploadOutcome(false, 0, 0, header.Take(MaxProblemsReported).ToList(), null);
        }

        var subjectKind = dataset.SubjectIdKind == "other" ? SubjectIdKind.Other : SubjectIdKind.Bsn;
        var checker = new RecordChecker(features, subjectKind);
        await using var spool = RecordSpool.Create();
        using var subjects = SubjectRuns.Create();
        using var spooler = new RecordSpooler(features, keys.PseudonymiserFor(dataset.TenantId).CreateWriter(), spool, subjects, slot);
        await ReadAndSpoolAsync(reader, checker, spooler, features.Count, ct);
        if (spooler.Refusal != SpoolRefusal.None)
        {
            return new UploadOutcome(false, checker.Rows, 0, [], null) { Refusal = spooler.Refusal };
        }

        if (checker.Rows == 0)
        {
            return new UploadOutcome(false, 0, 0, [new RecordProblem(0, null, "no-records", "The upload holds no records.")], null);
        }

        if (checker.Invalid > 0)
        {
            return new UploadOutcome(false, checker.Rows, checker.Invalid, checker.Problems, null);
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

            var outcome = await StoreAsync(dataset, spool, subjects, features, quality, existing, checker.Rows, spooler.Quality, ct);
            if (_counted.Count >= MaxKeptDatasets)
            {
                _counted.Clear();
            }

            _counted[dataset.Id] = outcome.Counted;
            return outcome.Outcome;
        }
    }

    // Reads and checks the records on this thread and pseudonymises and spools them on another, a batch
    // at a time, so that both cores work on an upload; the records are spooled in the order they were
    // read. A batch goes on when it is full or when the body has to be waited for, so a slow client's
    // records are spooled as they come. After the first invalid record nothing more is spooled (the
    // upload will be refused) but every record is still checked, so the answer can say how many are
    // invalid. Stops early when the spool refuses a record.
    private static async Task ReadAndSpoolAsync(IRecordReader reader, RecordChecker checker, RecordSpooler spooler, int featureCount, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<RecordBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < BatchesInFlight + 2; i++)
        {
            free.Writer.TryWrite(new RecordBatch(featureCount));
        }

        var spooling = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in read.Reader.ReadAllAsync(stop.Token))
                    {
                        if (!spooler.Add(batch))
                        {
                            await stop.CancelAsync();
                            return;
                        }

                        batch.Clear();
                        free.Writer.TryWrite(batch);
                    }
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    await stop.CancelAsync(); // the reader must not wait for a batch that is never taken
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            var record = new UploadedRecord(featureCount);
            var batch = await free.Reader.ReadAsync(stop.Token);
            while (true)
            {
                var next = reader.ReadAsync(record, stop.Token);
                if (!next.IsCompleted && batch.Count > 0)
                {
                    // The body is not there yet: what has arrived is spooled meanwhile.
                    await read.Writer.WriteAsync(batch, stop.Token);
                    batch = await free.Reader.ReadAsync(stop.Token);
                }

                if (!await next)
                {
                    break;
                }

                if (checker.Check(record) && checker.Invalid == 0)
                {
                    batch.Add(checker.Subject, checker.Codes, checker.Numbers);
                    if (batch.IsFull)
                    {
                        await read.Writer.WriteAsync(batch, stop.Token);
                        batch = await free.Reader.ReadAsync(stop.Token);
                    }
                }
            }

            if (batch.Count > 0)
            {
                await read.Writer.WriteAsync(batch, stop.Token);
            }

            read.Writer.Complete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The spooling side stopped: the spool refused a record, or it failed (rethrown below).
            read.Writer.TryComplete();
        }
        catch
        {
            read.Writer.TryComplete();
            await stop.CancelAsync();
            await spooling.ContinueWith(_ => { }, TaskScheduler.Default); // settled, its outcome no longer matters
            throw;
        }

        await spooling;
    }

    private async Task<(UploadOutcome Outcome, (long Records, DataQualityAccumulator Quality) Counted)> StoreAsync(
        DatasetRow dataset,
        RecordSpool spool,
        SubjectRuns subjects,
        IReadOnlyList<FeatureDefinition> features,
        DataQualityAccumulator? quality,
        long existing,
        long rows,
        DataQualityAccumulator uploaded,
        CancellationToken ct)
    {
        if (quality is null || (await datasets.FindAsync(dataset.TenantId, dataset.Id, ct))?.RecordCount != existing)
        {
            // No counts kept for what is stored now: count it, still outside the write lock.
            (existing, quality) = await CountStoredAsync(datasets.ReadRecordsAsync(dataset.TenantId, dataset.Id, ct), features);
        }

        await using var upload = await datasets.BeginUploadAsync(dataset.TenantId, dataset.Id, ct);
        if (await upload.StoredRecordCountAsync(ct) != existing)
        {
            // Only another API process on the same database gets here; then the count is taken inside.
            (existing, quality) = await CountStoredAsync(upload.ReadAllAsync(ct), features);
        }

        var spooled = spool.Read();
        for (var row = existing + 1; spooled.TryRead(out var cells); row++)
        {
            await upload.AddAsync(row, cells, ct);
        }

        // Record i of the upload (from 0) is row existing + 1 + i.
        foreach (var (pseudonym, record) in subjects.ReadSorted())
        {
            await upload.AddSubjectAsync(pseudonym, existing + 1 + record, ct);
        }

        quality.Add(uploaded);

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

    private static async Task<(long Records, DataQualityAccumulator Quality)> CountStoredAsync(IAsyncEnumerable<string> stored, IReadOnlyList<FeatureDefinition> features)
    {
        var codec = new StoredRecordCodec(new RecordSchema(features));
        var codes = new int[features.Count];
        var numbers = new double[features.Count];
        var quality = new DataQualityAccumulator(features);
        long count = 0;
        await foreach (var cells in stored)
        {
            count++;
            codec.Read(cells, codes, numbers);
            quality.Add(codes, numbers);
        }

        return (count, quality);
    }
}
