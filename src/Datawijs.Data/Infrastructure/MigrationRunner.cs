using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Applies the numbered scripts of db-migrations/&lt;provider&gt;/ (embedded in this assembly),
/// one transaction per script, in file-name order. Applied scripts are recorded by DbUp and
/// never run twice.
/// </summary>
public static class MigrationRunner
{
    public static IReadOnlyList<string> ScriptNames(DatabaseProvider provider)
    {
        var prefix = ResourcePrefix(provider);
        return typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string ReadScript(string resourceName)
    {
        using var stream = typeof(MigrationRunner).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration {resourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static MigrationResult Run(DatabaseOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        UpgradeEngineBuilder builder;
        // The migration login when one is configured; the runtime connection never needs to change the schema.
        var migrationConnectionString = options.ForMigrations;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var connectionString = SqliteConnectionStrings.Normalise(migrationConnectionString);
            SqliteConnectionStrings.EnsureDirectory(connectionString);
            EnableWriteAheadLog(connectionString);
            builder = DeployChanges.To.SqliteDatabase(connectionString);
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(migrationConnectionString, new NoLog());
            builder = DeployChanges.To.SqlDatabase(migrationConnectionString);
        }

        var prefix = ResourcePrefix(options.Provider);
        var engine = builder
            .WithScriptsEmbeddedInAssembly(typeof(MigrationRunner).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DelegateLog(log))
            .Build();

        var result = engine.PerformUpgrade();
        return new MigrationResult(
            result.Successful,
            result.Scripts.Select(script => script.Name[prefix.Length..]).ToList(),
            result.Error?.Message);
    }

    private static string ResourcePrefix(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "Migrations.sqlite." : "Migrations.sqlserver.";

    // WAL lets readers go on while one writer writes; it is a property of the file, set once.
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private sealed class DelegateLog(Action<string>? log) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => log?.Invoke(Format(format, args));

        public void LogWarning(string format, params object[] args) => log?.Invoke(Format(format, args));

        public void LogError(string format, params object[] args) => log?.Invoke(Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => log?.Invoke(Format(format, args));

        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }

    private sealed class NoLog : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) { }

        public void LogWarning(string format, params object[] args) { }

        public void LogError(string format, params object[] args) { }

        public void LogError(Exception ex, string format, params object[] args) { }
    }
}
