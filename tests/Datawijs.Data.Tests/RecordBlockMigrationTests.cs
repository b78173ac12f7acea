using Dapper;
using Datawijs.Data.Datasets;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.ProfileSets;
using DbUp;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Tests;

/// <summary>
/// Migration 0011 moves every stored record into blocks and every subject into the compact index: nothing may be
/// lost or changed on the way. A database is built as it was before (migrations up to 0010), filled with records
/// the old way, and then migrated.
/// </summary>
public sealed class RecordBlockMigrationTests : IDisposable
{
    private const string Tenant = "0b9c2f9e-1d33-4a59-9a57-6a0c1b1e0001";
    private const string Bsn = "0b9c2f9e-1d33-4a59-9a57-6a0c1b1e0002";
    private const string Other = "0b9c2f9e-1d33-4a59-9a57-6a0c1b1e0003";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "datawijs-data-tests", Guid.NewGuid().ToString("N"));

    private string? _sqlServerDatabase;

    [Fact]
    public Task Records_and_subjects_stored_before_migration_0011_read_the_same_after_it_and_uploads_go_on_after_them() =>
        MigrateAndReadAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task Records_and_subjects_stored_before_migration_0011_read_the_same_after_it_on_sql_server()
    {
        Assert.SkipUnless(TestDatabase.SqlServerConfigured, $"Set {TestDatabase.SqlServerVariable} to a SQL Server connection string to run these.");
        return MigrateAndReadAsync(DatabaseProvider.SqlServer);
    }

    private async Task MigrateAndReadAsync(DatabaseProvider provider)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        string connectionString;
        if (sqlite)
        {
            Directory.CreateDirectory(_directory);
            connectionString = $"Data Source={Path.Combine(_directory, "old.db")}";
        }
        else
        {
            _sqlServerDatabase = "datawijs_test_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.SqlServerVariable)) { InitialCatalog = _sqlServerDatabase }.ConnectionString;
            EnsureDatabase.For.SqlDatabase(connectionString);
        }

        var prefix = sqlite ? "Migrations.sqlite." : "Migrations.sqlserver.";
        var before = (sqlite ? DeployChanges.To.SqliteDatabase(connectionString) : DeployChanges.To.SqlDatabase(connectionString))
            .WithScriptsEmbeddedInAssembly(typeof(MigrationRunner).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal)
                && string.CompareOrdinal(name, prefix + "0011") < 0)
            .Build()
            .PerformUpgrade();
        Assert.True(before.Successful, before.Error?.Message);

        var bsnCells = new[] { "a\u001f1", "", "é ✓\u001f\u001f3", "x" };
        var otherCells = new[] { "z\u001f9" };
        var shared = TestUploads.P("shared");
        var (tenants, datasetTable, records, subjects) = sqlite
            ? ("tenants (id, slug, name, created_at)", "datasets (id, tenant_id, name, purpose, features, retention_until, record_count, created_at, updated_at, subject_id_kind)",
                "dataset_records (dataset_id, row_number, subject_pseudonym, cells)", "INSERT OR IGNORE INTO dataset_subjects (dataset_id, subject_pseudonym) SELECT dataset_id, subject_pseudonym FROM dataset_records")
            : ("dbo.Tenants (Id, Slug, Name, CreatedAt)", "dbo.Datasets (Id, TenantId, Name, Purpose, Features, RetentionUntil, RecordCount, CreatedAt, UpdatedAt, SubjectIdKind)",
                "dbo.DatasetRecords (DatasetId, RowNumber, SubjectPseudonym, Cells)", "INSERT INTO dbo.DatasetSubjects (DatasetId, SubjectPseudonym) SELECT DISTINCT DatasetId, SubjectPseudonym FROM dbo.DatasetRecords");
        // SQLite keeps ids and times as text, SQL Server as their own types.
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        object Id(string id) => sqlite ? id : Guid.Parse(id);
        object Time(DateTimeOffset time) => sqlite ? time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : time;

        await using (var old = sqlite ? new SqliteConnection(connectionString) : (System.Data.Common.DbConnection)new SqlConnection(connectionString))
        {
            await old.ExecuteAsync($"INSERT INTO {tenants} VALUES (@Tenant, 'migratie', 'Migratie', @At)", new { Tenant = Id(Tenant), At = Time(at) });
            foreach (var (id, kind, count) in new[] { (Bsn, "bsn", bsnCells.Length), (Other, "other", otherCells.Length) })
            {
                await old.ExecuteAsync(
                    $"INSERT INTO {datasetTable} VALUES (@Id, @Tenant, 'Set', 'Ondersteuning afstemmen', '[]', @Until, @Count, @At, @At, @Kind)",
                    new { Id = Id(id), Tenant = Id(Tenant), Until = Time(at.AddMonths(7)), Count = count, At = Time(at), Kind = kind });
            }

            // Row numbers with a gap, a subject with two records, and one subject in both datasets.
            var bsnSubjects = new[] { shared, TestUploads.P("b"), shared, TestUploads.P("c") };
            var rows = new[] { 1, 2, 4, 5 };
            for (var i = 0; i < bsnCells.Length; i++)
            {
                await old.ExecuteAsync($"INSERT INTO {records} VALUES (@Id, @Row, @Subject, @Cells)", new { Id = Id(Bsn), Row = rows[i], Subject = bsnSubjects[i], Cells = bsnCells[i] });
            }

            await old.ExecuteAsync($"INSERT INTO {records} VALUES (@Id, 1, @Subject, @Cells)", new { Id = Id(Other), Subject = shared, Cells = otherCells[0] });
            await old.ExecuteAsync(subjects);
        }

        var options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        var migrated = MigrationRunner.Run(options);
        Assert.True(migrated.Successful, migrated.Error);
        Assert.Equal(["0011_record_blocks.sql"], migrated.Applied);

        var datasets = new DatasetRepository(new DbConnectionFactory(options), new PublishedProfileSetChanges());
        var tenant = Guid.Parse(Tenant);
        Assert.Equal(bsnCells, await AllAsync(datasets.ReadRecordsAsync(tenant, Guid.Parse(Bsn))));
        Assert.Equal(otherCells, await AllAsync(datasets.ReadRecordsAsync(tenant, Guid.Parse(Other))));
        Assert.Equal((1L, 5L), await datasets.RecordRowRangeAsync(tenant, Guid.Parse(Bsn)));
        var ranged = new CollectedRecords();
        await datasets.ReadRecordsForClusteringAsync(tenant, Guid.Parse(Bsn), 2, 4, ranged);
        Assert.Equal(bsnCells[1..3], ranged.Records);

        // Only the BSN dataset is linked to a citizen; the shared subject's pseudonym finds it.
        foreach (var subject in new[] { shared, TestUploads.P("b"), TestUploads.P("c") })
        {
            Assert.Equal(Guid.Parse(Bsn), Assert.Single(await datasets.ContainingSubjectAsync(tenant, subject)).Id);
        }

        // An upload goes on after the migrated rows, and a new dataset takes a key of its own.
        await using (var upload = await datasets.BeginUploadAsync(tenant, Guid.Parse(Bsn)))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await upload.AddAsync(5, shared, "again"));
            await upload.AddWithSubjectsAsync(6, [TestUploads.P("d")], ["new"]);
            await upload.CommitAsync(5, "{}", DateTimeOffset.UnixEpoch);
        }

        Assert.Equal([.. bsnCells, "new"], await AllAsync(datasets.ReadRecordsAsync(tenant, Guid.Parse(Bsn))));
        await using var check = sqlite ? new SqliteConnection(connectionString) : (System.Data.Common.DbConnection)new SqlConnection(connectionString);
        var (tables, keys) = sqlite
            ? ("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('dataset_records', 'dataset_subjects')", "SELECT COUNT(DISTINCT record_key) FROM datasets")
            : ("SELECT COUNT(*) FROM sys.tables WHERE name IN (N'DatasetRecords', N'DatasetSubjects')", "SELECT COUNT(DISTINCT RecordKey) FROM dbo.Datasets");
        Assert.Equal(0, await check.ExecuteScalarAsync<long>(tables));

        // The shared subject's records: row 1 of both datasets and row 4 of the BSN one, so a clustering can leave them out.
        var rowsOfShared = sqlite
            ? "SELECT row_number FROM dataset_subject_keys WHERE subject_pseudonym = @P ORDER BY row_number"
            : "SELECT RowNumber FROM dbo.DatasetSubjectKeys WHERE SubjectPseudonym = @P ORDER BY RowNumber";
        Assert.Equal([1L, 1L, 4L], await check.QueryAsync<long>(rowsOfShared, new { P = Convert.FromHexString(shared) }));
        Assert.Equal(2, await check.ExecuteScalarAsync<long>(keys));

        // A dataset added by any statement after the migration is numbered by the database itself.
        var third = Guid.Parse("0b9c2f9e-1d33-4a59-9a57-6a0c1b1e0004");
        await check.ExecuteAsync($"INSERT INTO {datasetTable} VALUES (@Id, @Tenant, 'Set', 'Ondersteuning afstemmen', '[]', @At, 0, @At, @At, 'other')",
            new { Id = Id(third.ToString("D")), Tenant = Id(Tenant), At = Time(at) });
        Assert.Equal(3, await check.ExecuteScalarAsync<long>(keys));
        Assert.Equal(3, await check.ExecuteScalarAsync<long>(keys.Replace("DISTINCT ", "", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_sqlServerDatabase is not null)
        {
            SqlConnection.ClearAllPools();
            var builder = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.SqlServerVariable)) { InitialCatalog = "master" };
            using var connection = new SqlConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE [{_sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerDatabase}];";
            command.ExecuteNonQuery();
        }


        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static async Task<List<string>> AllAsync(IAsyncEnumerable<string> records)
    {
        var list = new List<string>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }
}
