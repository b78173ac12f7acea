using System.Diagnostics;
using System.Globalization;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Tenants;

namespace Datawijs.Benchmarks;

/// <summary>
/// `access-log [entries] [writers]`: appends to the access log of a fresh SQLite file through the group
/// commit, as the API does, from many writers at once; the baseline in the same run is the same INSERT
/// without the chain (no head read, no head update, no hashing). Rounds alternate so neither side always
/// runs on a warmer machine. Prints entries/s for both and their ratio, and checks that the chain verifies.
/// </summary>
public static class AccessLogAppend
{
    public static async Task<int> RunAsync(int entries, int writers)
    {
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" };
            if (MigrationRunner.Run(options) is { Successful: false } failed)
            {
                Console.Error.WriteLine(failed.Error);
                return 1;
            }

            using var connections = new DbConnectionFactory(options);
            var tenants = new TenantRepository(connections);
            var plainTenant = (await tenants.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "plain", Name = "Plain", CreatedAt = DateTimeOffset.UtcNow })).Tenant.Id;
            var chainedTenant = (await tenants.EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "chained", Name = "Chained", CreatedAt = DateTimeOffset.UtcNow })).Tenant.Id;
            var log = new AccessLogRepository(connections);

            Task Plain(AccessLogEntryRow entry) =>
                connections.WriteAsync((c, t, ct) => SqliteStatementCache.ExecuteAsync(c, t, AccessLogSql.Sqlite.Insert, entry, ct));
            Task Chained(AccessLogEntryRow entry) => log.AppendAsync([entry]);

            // Warm-up of both paths, then three rounds each, alternating.
            await MeasureAsync(Plain, plainTenant, 2_000, writers);
            await MeasureAsync(Chained, chainedTenant, 2_000, writers);
            var plain = new List<double>();
            var chained = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                plain.Add(await MeasureAsync(Plain, plainTenant, entries, writers));
                chained.Add(await MeasureAsync(Chained, chainedTenant, entries, writers));
            }

            var report = await log.VerifyAsync(chainedTenant);
            string Rates(List<double> rates) => string.Join(" / ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
            Console.WriteLine($"entries={entries} writers={writers} (per round)");
            Console.WriteLine($"plain insert   entries/s: {Rates(plain)} (median {Median(plain):N0})");
            Console.WriteLine($"chained append entries/s: {Rates(chained)} (median {Median(chained):N0})");
            Console.WriteLine($"ratio chained/plain: {Median(chained) / Median(plain):F2}; chain of {report.ChainedEntries} entries {(report.Intact ? "intact" : "BROKEN: " + report.Break!.Reason)}");
            return report.Intact ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<double> MeasureAsync(Func<AccessLogEntryRow, Task> append, Guid tenant, int entries, int writers)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < entries)
            {
                await append(new AccessLogEntryRow
                {
                    Id = Guid.CreateVersion7(), TenantId = tenant, SubjectPseudonym = "5f2b8c0d9e1a4b3c7d6e8f9a0b1c2d3e", OccurredAt = DateTimeOffset.UtcNow,
                    ClientId = "zaaksysteem", UserId = "u1", UserRepresentation = "A. de Vries", Activity = "profile-advice", Reason = "intake", Action = "assignment.create",
                });
            }
        })));
        return entries / clock.Elapsed.TotalSeconds;
    }
}
