using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Tests;

public sealed class MigrationConnectionTests
{
    [Fact]
    public void Migrations_run_with_the_migration_connection_when_one_is_given()
    {
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-data-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(directory, "test.db");
        try
        {
            // The runtime connection may only read (it could not even create the file); the migration one may write.
            var readOnly = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Mode=ReadOnly" };
            Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => MigrationRunner.Run(readOnly));

            var options = new DatabaseOptions
            {
                Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Mode=ReadOnly", MigrationConnectionString = $"Data Source={file}",
            };
            var result = MigrationRunner.Run(options);
            Assert.True(result.Successful, result.Error);
            Assert.Contains(result.Applied, s => s.StartsWith("0006_", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}
