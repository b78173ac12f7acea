using Datawijs.Data.Infrastructure;
using Microsoft.Data.SqlClient;

namespace Datawijs.Data.Tests;

/// <summary>A migrated, empty database of one provider for repository tests.</summary>
public sealed class TestDatabase : IDisposable
{
    public const string SqlServerVariable = "DATAWIJS_TEST_SQLSERVER";

    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseOptions options, string? sqliteDirectory)
    {
        Options = options;
        _sqliteDirectory = sqliteDirectory;
        Connections = new DbConnectionFactory(options);
        var result = MigrationRunner.Run(options);
        if (!result.Successful)
        {
            throw new InvalidOperationException("Migration failed: " + result.Error);
        }
    }

    public DatabaseOptions Options { get; }

    public IDbConnectionFactory Connections { get; }

    public static bool SqlServerConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable));

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "datawijs-data-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(directory, "test.db")}" }, directory);
        }

        // A fresh database per fixture on the given server, so runs never see each other's rows.
        var builder = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerVariable))
        {
            InitialCatalog = "datawijs_test_" + Guid.NewGuid().ToString("N")[..12],
        };
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = builder.ConnectionString }, null);
    }

    public void Dispose()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
        else
        {
            SqlConnection.ClearAllPools();
            var builder = new SqlConnectionStringBuilder(Options.ConnectionString);
            var name = builder.InitialCatalog;
            builder.InitialCatalog = "master";
            using var connection = new SqlConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];";
            command.ExecuteNonQuery();
        }
    }
}
