using Datawijs.Api.Http;
using Datawijs.Data.Datasets;
using Datawijs.Data.Idempotency;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Deletes datasets past their retention date, with every record, clustering and profile set made
/// from them, and idempotency records older than <see cref="IdempotencySettings.RetentionHours"/>:
/// at start and then every hour.
/// </summary>
public sealed class RetentionSweeper(
    DatasetRepository datasets, IdempotencyRepository idempotency, IdempotencySettings idempotencySettings, TimeProvider clock, ILogger<RetentionSweeper> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes every dataset whose last retention day is before today (UTC); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var expired = await datasets.ExpiredAsync(new DateTimeOffset(today, TimeSpan.Zero), ct);
        foreach (var (tenantId, id) in expired)
        {
            await datasets.DeleteAsync(tenantId, id, ct);
        }

        if (expired.Count > 0)
        {
            log.LogInformation("Retention: deleted {Count} dataset(s) past their retention date.", expired.Count);
        }

        var keys = await idempotency.DeleteExpiredAsync(clock.GetUtcNow() - idempotencySettings.Retention, ct: ct);
        if (keys > 0)
        {
            log.LogInformation("Retention: deleted {Count} idempotency record(s) older than {Hours} hours.", keys, idempotencySettings.RetentionHours);
        }

        return expired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The sweep tries again next time; a database hiccup must not stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogError(ex, "The retention sweep failed; it runs again in {Interval}.", Interval);
                try
                {
                    await Task.Delay(Interval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
