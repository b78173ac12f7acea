using Datawijs.Data.Clusterings;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>
/// Runs queued clusterings one at a time (each uses every core). On start, a job left running by a
/// stopped server is failed with a clear reason: nothing is left hanging.
/// </summary>
public sealed class ClusteringWorker(
    ClusteringRepository jobs,
    ClusteringRunner runner,
    ClusteringSignals signals,
    ClusteringSettings settings,
    TimeProvider clock,
    ILogger<ClusteringWorker> log) : BackgroundService
{
    private readonly DateTimeOffset _processStartedAt = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, settings.PollIntervalMilliseconds));
        var recovered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!recovered)
                {
                    // Only jobs begun before this process: a job this process has just started (e.g. the demo) is alive.
                    var failed = await jobs.FailInterruptedAsync(ClusteringRunner.InterruptedReason, clock.GetUtcNow(), _processStartedAt, stoppingToken);
                    if (failed > 0)
                    {
                        log.LogWarning("{Count} clustering(s) left running by a stopped server were marked failed.", failed);
                    }

                    recovered = true;
                }

                var job = await jobs.NextQueuedAsync(stoppingToken);
                if (job is null)
                {
                    await signals.WaitForJobAsync(poll, stoppingToken);
                    continue;
                }

                await runner.RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The worker must outlive a database hiccup; it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogError(ex, "The clustering worker hit a problem; retrying in {Interval}.", poll);
                try
                {
                    await Task.Delay(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
