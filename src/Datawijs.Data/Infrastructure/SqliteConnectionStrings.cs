using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

public static class SqliteConnectionStrings
{
    /// <summary>
    /// Foreign keys are enforced on every connection, and a busy database is waited for rather
    /// than failing at once (WAL allows one writer; the timeout covers short write bursts).
    /// </summary>
    public static string Normalise(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 15;
        }

        return builder.ToString();
    }

    /// <summary>The full path of a file database, or null for an in-memory or URI data source.</summary>
    public static string? FilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetFullPath(dataSource);
    }

    /// <summary>Creates the folder of a file database so a fresh checkout starts without set-up.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
