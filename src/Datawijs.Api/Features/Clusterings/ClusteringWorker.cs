using Datawijs.Data.Clusterings;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>
/// Runs clusterings one at a time (each uses every core). Every instance on the database runs one:
/// each claims the next job with a lease (round-robin over tenants) and renews it while the job runs.
/// A job whose instance stopped is taken over by another once its lease has expired; starting an
/// instance fails nothing that another live instance runs. A job whose lease expired
/// <see cref="ClusteringSettings.MaxAttempts"/> times is failed with the reason.
/// </summary>
public sealed class ClusteringWorker(
    ClusteringRepository jobs,
    ClusteringRunner runner,
    ClusteringSignals signals,
    ClusteringSettings settings,
    ClusteringInstance instance,
    TimeProvider clock,
    ILogger<ClusteringWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, settings.PollIntervalMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await jobs.ClaimNextAsync(instance.Terms(settings), ClusteringRunner.InterruptedReason, clock.GetUtcNow(), stoppingToken);
                if (job is null)
                {
                    await signals.WaitForJobAsync(poll, stoppingToken);
                    continue;
                }

                if (job.Attempts > 1)
                {
                    log.LogWarning("Clustering {ClusteringId}: its instance stopped; this instance ({Owner}) takes it over (attempt {Attempt}).", job.Id, instance.Owner, job.Attempts);
                }

                await runner.RunClaimedAsync(job, stoppingToken);
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
