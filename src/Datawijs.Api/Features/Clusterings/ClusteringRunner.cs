using System.Diagnostics;
using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>
/// Runs one claimed clustering: loads the dataset, fits k-prototypes off the request path, describes
/// the profiles (exact counts, internal) and records the outcome. Progress is written every interval;
/// the lease is renewed every heartbeat, and a job whose lease was lost (another instance took it over
/// after this one stalled) is stopped without writing anything. Cancellation comes from the endpoint
/// (in process) or the database flag (any instance).
/// </summary>
public sealed class ClusteringRunner(
    ClusteringRepository jobs,
    DatasetRepository datasets,
    ClusteringSignals signals,
    ClusteringSettings settings,
    ClusteringInstance instance,
    TimeProvider clock,
    ILogger<ClusteringRunner> log)
{
    public const string InterruptedReason = "The server stopped while this clustering was running, several times; start a new clustering.";

    /// <summary>Claims the queued job and runs it; its final status, or null when it was not ours to run.</summary>
    public async Task<string?> RunAsync(ClusteringRow job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        var claimed = await jobs.ClaimAsync(job.TenantId, job.Id, instance.Terms(settings), clock.GetUtcNow(), stopping);
        return claimed is null ? null : await RunClaimedAsync(claimed, stopping);
    }

    /// <summary>Runs a job this instance holds the lease of; its final status, or null when the lease was lost or the job handed back.</summary>
    public async Task<string?> RunClaimedAsync(ClusteringRow job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.CancelRequested)
        {
            // Cancelled while its former owner was gone.
            return await FinishAsync(job, ClusteringStatus.Cancelled, "Cancelled on request.") ? ClusteringStatus.Cancelled : null;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var heartbeat = new CancellationTokenSource();
        var lost = new LeaseLost();
        var beating = KeepLeaseAsync(job, cancellation, lost, heartbeat.Token);
        signals.Register(job.Id, cancellation);
        try
        {
            return await FitAsync(job, cancellation, stopping);
        }
        catch (OperationCanceledException) when (lost.Value)
        {
            log.LogWarning("Clustering {ClusteringId}: another instance took the job over; this run stopped without storing anything.", job.Id);
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // This instance is stopping: the job goes back to the queue for another instance (or this one after a restart).
            await ReleaseAsync(job);
            return null;
        }
        catch (OperationCanceledException)
        {
            return await FinishAsync(job, ClusteringStatus.Cancelled, "Cancelled on request.") ? ClusteringStatus.Cancelled : null;
        }
#pragma warning disable CA1031 // A failed job is recorded with its reason; the worker goes on with the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogError(ex, "Clustering {ClusteringId} failed.", job.Id);
            return await FinishAsync(job, ClusteringStatus.Failed, "The clustering failed unexpectedly (" + ex.GetType().Name + ").") ? ClusteringStatus.Failed : null;
        }
        finally
        {
            signals.Unregister(job.Id);
            await heartbeat.CancelAsync();
            await beating;
        }
    }

    // Renews the lease every heartbeat until the job ends. When the database says the job is no longer
    // ours, the fit is stopped. A failed renewal (busy database) is tried again at the next beat.
    private async Task KeepLeaseAsync(ClusteringRow job, CancellationTokenSource fit, LeaseLost lost, CancellationToken ended)
    {
        var every = TimeSpan.FromSeconds(settings.HeartbeatSeconds);
        while (!ended.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, ended);
                if (!await jobs.RenewAsync(job, clock.GetUtcNow().AddSeconds(settings.LeaseSeconds), ended))
                {
                    lost.Value = true;
                    await fit.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException ex)
            {
                log.LogWarning(ex, "The lease of clustering {ClusteringId} was not renewed this time.", job.Id);
            }
        }
    }

    private async Task<string?> FitAsync(ClusteringRow job, CancellationTokenSource cancellation, CancellationToken stopping)
    {
        var ct = cancellation.Token;
        var dataset = await datasets.FindAsync(job.TenantId, job.DatasetId, ct);
        if (dataset is null)
        {
            return await FinishAsync(job, ClusteringStatus.Failed, "The dataset was deleted.") ? ClusteringStatus.Failed : null;
        }

        var watch = Stopwatch.StartNew();
        var features = StoredJson.Features(dataset.Features);
        var matrix = await MatrixLoader.LoadAsync(features, datasets, job.TenantId, job.DatasetId, ct);
        var loadMs = watch.ElapsedMilliseconds;
        var options = StoredJson.Read<ClusteringOptions>(job.Options).ToDomain(settings.MaxDegreeOfParallelism);
        var problems = KPrototypes.Validate(matrix, options);
        if (problems.Count > 0)
        {
            return await FinishAsync(job, ClusteringStatus.Failed, "The clustering cannot run: " + string.Join("; ", problems) + ".") ? ClusteringStatus.Failed : null;
        }

        var progress = new LatestProgress();
        watch.Restart();
        // On a thread of its own (the fit's other workers come from the pool): a pool thread held for seconds
        // leaves requests waiting for the pool to grow on a small machine.
        var fit = Task.Factory.StartNew(() => KPrototypes.Fit(matrix, options, progress, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!fit.IsCompleted)
        {
            await Task.WhenAny(fit, Task.Delay(TimeSpan.FromMilliseconds(settings.ProgressIntervalMilliseconds), stopping));
            if (fit.IsCompleted)
            {
                break;
            }

            try
            {
                if (progress.Latest is { } latest)
                {
                    await jobs.ReportProgressAsync(job, Math.Clamp(latest.Fraction, 0, 0.99), Phase(latest), stopping);
                }

                if (await jobs.IsCancelRequestedAsync(job.TenantId, job.Id, stopping))
                {
                    await cancellation.CancelAsync();
                }
            }
            catch (System.Data.Common.DbException ex)
            {
                // Progress is best effort: a busy database (e.g. a long upload holding SQLite's write lock) must not fail the fit.
                log.LogDebug(ex, "Progress of clustering {ClusteringId} not written this time.", job.Id);
            }
        }

        var result = await fit;
        var fitMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var description = await Task.Factory.StartNew(() => ProfileDescriber.Describe(matrix, result), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var describeMs = watch.ElapsedMilliseconds;
        var outcome = new ClusteringOutcome(
            result.K, result.RequestedK, result.Cost, result.Gamma, result.Iterations, matrix.RowCount, result.MeetsMinimumClusterSize,
            result.QualityPerK, result.Notes, loadMs, fitMs, describeMs);
        if (!await StoreAsync(() => jobs.SucceedAsync(job, StoredJson.Write(outcome), StoredJson.Write(result.Model), StoredJson.Write(description), clock.GetUtcNow(), CancellationToken.None)))
        {
            log.LogWarning("Clustering {ClusteringId}: the lease was lost before the result was stored; the instance that took the job over stores its own.", job.Id);
            return null;
        }

        log.LogInformation("Clustering {ClusteringId}: k = {K} on {Rows} households in {Milliseconds} ms.", job.Id, result.K, matrix.RowCount, fitMs);
        return ClusteringStatus.Succeeded;
    }

    // The end of a job is written even when the database is briefly busy, so that no job is left running.
    // False when the lease was lost meanwhile: then the job is another instance's to finish.
    private Task<bool> FinishAsync(ClusteringRow job, string status, string reason) =>
        StoreAsync(() => jobs.FinishAsync(job, status, reason, clock.GetUtcNow(), CancellationToken.None));

    private async Task ReleaseAsync(ClusteringRow job)
    {
        try
        {
            await jobs.ReleaseAsync(job, CancellationToken.None);
        }
        catch (System.Data.Common.DbException ex)
        {
            // Its lease runs out instead, and another instance takes it over then.
            log.LogWarning(ex, "Could not hand clustering {ClusteringId} back to the queue; it is taken over when its lease expires.", job.Id);
        }
    }

    private async Task<bool> StoreAsync(Func<Task<bool>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (System.Data.Common.DbException ex) when (attempt < 5)
            {
                log.LogWarning(ex, "Could not record the end of a clustering; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
        }
    }

    private static string Phase(ClusteringProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Phase} (k = {p.K}, restart {p.Restart + 1})");

    private sealed class LeaseLost
    {
        public volatile bool Value;
    }

    /// <summary>Keeps only the latest report; called on the fitting threads, read by the progress loop.</summary>
    private sealed class LatestProgress : IProgress<ClusteringProgress>
    {
        private ClusteringProgress? _latest;

        public ClusteringProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ClusteringProgress value) => Volatile.Write(ref _latest, value);
    }
}
