using Datawijs.Data.Changes;

namespace Datawijs.Api.Caching;

/// <summary>Polls the change counters every <see cref="CacheSettings.PollMilliseconds"/>.</summary>
public sealed class ChangeWatchPoller(ChangeCounterRepository counters, ChangeWatch watch, CacheSettings settings, TimeProvider clock, ILogger<ChangeWatchPoller> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var every = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = clock.GetUtcNow();
                watch.Update(await counters.ReadAllAsync(stoppingToken), started);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Until a poll succeeds again the caches keep nothing; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogDebug(ex, "The change counters were not read this time.");
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
