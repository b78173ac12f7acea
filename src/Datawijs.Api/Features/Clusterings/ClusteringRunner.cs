using System.Diagnostics;
using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>
/// Runs one queued clustering: loads the dataset, fits k-prototypes off the request path, describes
/// the profiles (exact counts, internal) and records the outcome. Progress is written every
/// interval; cancellation comes from the endpoint (in process) or the database flag (any process).
/// </summary>
public sealed class ClusteringRunner(
    ClusteringRepository jobs,
    DatasetRepository datasets,
    ClusteringSignals signals,
    ClusteringSettings settings,
    TimeProvider clock,
    ILogger<ClusteringRunner> log)
{
    public const string InterruptedReason = "The server stopped while this clustering was running; start a new clustering.";

    /// <summary>Runs the job if it is still queued; returns its final status, or null when it was not ours to run.</summary>
    public async Task<string?> RunAsync(ClusteringRow job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!await jobs.TryStartAsync(job.TenantId, job.Id, clock.GetUtcNow(), stopping))
        {
            return null;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        signals.Register(job.Id, cancellation);
        try
        {
            var outcome = await FitAsync(job, cancellation, stopping);
            return outcome;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await FinishAsync(job, ClusteringStatus.Failed, InterruptedReason);
            return ClusteringStatus.Failed;
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(job, ClusteringStatus.Cancelled, "Cancelled on request.");
            return ClusteringStatus.Cancelled;
        }
#pragma warning disable CA1031 // A failed job is recorded with its reason; the worker goes on with the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogError(ex, "Clustering {ClusteringId} failed.", job.Id);
            await FinishAsync(job, ClusteringStatus.Failed, "The clustering failed unexpectedly (" + ex.GetType().Name + ").");
            return ClusteringStatus.Failed;
        }
        finally
        {
            signals.Unregister(job.Id);
        }
    }

    private async Task<string> FitAsync(ClusteringRow job, CancellationTokenSource cancellation, CancellationToken stopping)
    {
        var ct = cancellation.Token;
        var dataset = await datasets.FindAsync(job.TenantId, job.DatasetId, ct);
        if (dataset is null)
        {
            await jobs.FinishAsync(job.TenantId, job.Id, ClusteringStatus.Failed, "The dataset was deleted.", clock.GetUtcNow(), CancellationToken.None);
            return ClusteringStatus.Failed;
        }

        var watch = Stopwatch.StartNew();
        var features = StoredJson.Features(dataset.Features);
        var matrix = await MatrixLoader.LoadAsync(features, datasets, job.TenantId, job.DatasetId, dataset.RecordCount, ct);
        var loadMs = watch.ElapsedMilliseconds;
        var options = StoredJson.Read<ClusteringOptions>(job.Options).ToDomain(settings.MaxDegreeOfParallelism);
        var problems = KPrototypes.Validate(matrix, options);
        if (problems.Count > 0)
        {
            await jobs.FinishAsync(job.TenantId, job.Id, ClusteringStatus.Failed, "The clustering cannot run: " + string.Join("; ", problems) + ".", clock.GetUtcNow(), CancellationToken.None);
            return ClusteringStatus.Failed;
        }

        var progress = new LatestProgress();
        watch.Restart();
        var fit = Task.Run(() => KPrototypes.Fit(matrix, options, progress, ct), ct);
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
                    await jobs.ReportProgressAsync(job.TenantId, job.Id, Math.Clamp(latest.Fraction, 0, 0.99), Phase(latest), stopping);
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
        var description = ProfileDescriber.Describe(matrix, result);
        var describeMs = watch.ElapsedMilliseconds;
        var outcome = new ClusteringOutcome(
            result.K, result.RequestedK, result.Cost, result.Gamma, result.Iterations, matrix.RowCount, result.MeetsMinimumClusterSize,
            result.QualityPerK, result.Notes, loadMs, fitMs, describeMs);
        await jobs.SucceedAsync(job.TenantId, job.Id, StoredJson.Write(outcome), StoredJson.Write(result.Model), StoredJson.Write(description), clock.GetUtcNow(), CancellationToken.None);
        log.LogInformation("Clustering {ClusteringId}: k = {K} on {Rows} households in {Milliseconds} ms.", job.Id, result.K, matrix.RowCount, fitMs);
        return ClusteringStatus.Succeeded;
    }

    // The end of a job is written even when the database is briefly busy, so that no job is left running.
    private async Task FinishAsync(ClusteringRow job, string status, string reason)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await jobs.FinishAsync(job.TenantId, job.Id, status, reason, clock.GetUtcNow(), CancellationToken.None);
                return;
            }
            catch (System.Data.Common.DbException ex) when (attempt < 5)
            {
                log.LogWarning(ex, "Could not record the end of clustering {ClusteringId}; retrying.", job.Id);
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
        }
    }

    private static string Phase(ClusteringProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Phase} (k = {p.K}, restart {p.Restart + 1})");

    /// <summary>Keeps only the latest report; called on the fitting threads, read by the progress loop.</summary>
    private sealed class LatestProgress : IProgress<ClusteringProgress>
    {
        private ClusteringProgress? _latest;

        public ClusteringProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ClusteringProgress value) => Volatile.Write(ref _latest, value);
    }
}
