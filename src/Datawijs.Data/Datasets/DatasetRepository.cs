using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.ProfileSets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Datasets;

/// <summary>Datasets and their records. Every statement filters by tenant.</summary>
public sealed class DatasetRepository(IDbConnectionFactory connections, PublishedProfileSetChanges changes)
{
    /// <summary>Separates the cells of a stored record (U+001F, the ASCII unit separator).</summary>
    public const char CellSeparator = '\u001f';

    private readonly DatasetSql _sql = Dialect.Pick(connections.Provider, DatasetSql.Sqlite, DatasetSql.SqlServer);

    public Task AddAsync(DatasetRow dataset, CancellationToken ct = default) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(_sql.Insert, dataset, transaction, cancellationToken: token)), ct);

    public async Task<DatasetRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DatasetRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    public async Task<Page<DatasetRow>> PageAsync(Guid tenantId, PageCursor? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var command = after is { } cursor
            ? new CommandDefinition(_sql.NextPage, new { TenantId = tenantId, AfterCreatedAt = cursor.CreatedAt, AfterId = cursor.Id, Limit = limit + 1 }, cancellationToken: ct)
            : new CommandDefinition(_sql.FirstPage, new { TenantId = tenantId, Limit = limit + 1 }, cancellationToken: ct);
        var rows = (await connection.QueryAsync<DatasetRow>(command)).AsList();
        return Page.FromOverfetch(rows, limit, last => new PageCursor(last.CreatedAt, last.Id));
    }

    /// <summary>Replaces the dataset's reference population (JSON); false when there is no such dataset for the tenant.</summary>
    public Task<bool> SetReferencePopulationAsync(Guid tenantId, Guid id, string referencePopulation, DateTimeOffset at, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) => await connection.ExecuteAsync(new CommandDefinition(
            _sql.UpdateReferencePopulation, new { TenantId = tenantId, Id = id, ReferencePopulation = referencePopulation, UpdatedAt = at }, transaction, cancellationToken: token)) == 1, ct);

    /// <summary>
    /// Removes the dataset with every record, clustering and profile set made from it (and their publication
    /// history and fairness reviews), in one
    /// transaction of its own (it may remove millions of records, too much to share a commit with others).
    /// False when there is no such dataset for the tenant.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        var deleted = 0;
        await using (var write = await connections.BeginWriteAsync(ct))
        {
            var key = new { TenantId = tenantId, Id = id };
            var history = ProfileHistoryRepository.For(connections.Provider);
            foreach (var sql in new[] { history.DeleteReplacedReviewsOfDataset, history.DeleteReviewsOfDataset, history.DeletePublicationsOfDataset, _sql.DeleteProfiles, _sql.DeleteProfileSets, _sql.DeleteClusterings, _sql.DeleteSubjects, _sql.DeleteRecords })
            {
                await write.Connection.ExecuteAsync(new CommandDefinition(sql, key, write.Transaction, cancellationToken: ct));
            }

            deleted = await write.Connection.ExecuteAsync(new CommandDefinition(_sql.DeleteDataset, key, write.Transaction, cancellationToken: ct));
            if (deleted == 1)
            {
                await Changes.ChangeCounterRepository.BumpAsync(write.Connection, write.Transaction, connections.Provider, tenantId, Changes.ChangeKinds.PublishedProfileSet, ct);
            }

            await write.CommitAsync(ct);
        }

        // Heard once the writer's turn is handed on, so a listener may write in turn.
        if (deleted == 1)
        {
            changes.Raise(tenantId);
        }

        return deleted == 1;
    }

    /// <summary>Datasets of any tenant whose retention date lies before the cutoff (for the retention sweep only).</summary>
    public async Task<IReadOnlyList<(Guid TenantId, Guid Id)>> ExpiredAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ExpiredRow>(new CommandDefinition(_sql.Expired, new { Cutoff = cutoff }, cancellationToken: ct));
        return rows.Select(r => (r.TenantId, r.Id)).ToList();
    }

    /// <summary>The stored cells of every record of a dataset, in row order, streamed.</summary>
    public async IAsyncEnumerable<string> ReadRecordsAsync(Guid tenantId, Guid datasetId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await foreach (var cells in ReadRecordsAsync(connection, null, tenantId, datasetId, ct))
        {
            yield return cells;
        }
    }

    /// <summary>
    /// The cells a new clustering reads: every record except those of subjects whose "I don't want this"
    /// objection was upheld in this tenant.
    /// </summary>
    public async IAsyncEnumerable<string> ReadRecordsForClusteringAsync(Guid tenantId, Guid datasetId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await foreach (var cells in ReadRecordsAsync(connection, null, tenantId, datasetId, ct, _sql.ReadRecordsForClustering))
        {
            yield return cells;
        }
    }

    /// <summary>
    /// The same records as <see cref="ReadRecordsForClusteringAsync(Guid, Guid, CancellationToken)"/>, in row
    /// order, handed to <paramref name="sink"/> as UTF-8 without a string per record (SQLite: straight from its
    /// page buffer through the native API). Returns the number of records read.
    /// </summary>
    public Task<long> ReadRecordsForClusteringAsync(Guid tenantId, Guid datasetId, IStoredRecordSink sink, CancellationToken ct = default) =>
        ReadIntoAsync(_sql.ReadRecordsForClustering, tenantId, datasetId, null, sink, ct);

    /// <summary>
    /// One part of <see cref="ReadRecordsForClusteringAsync(Guid, Guid, IStoredRecordSink, CancellationToken)"/>:
    /// the records numbered <paramref name="fromRow"/> to <paramref name="toRow"/> (both included), with the same
    /// filter, in row order, on a connection of its own. Parts that cover <see cref="RecordRowRangeAsync"/> one
    /// after another give exactly the records of the whole read, in its order; they may run at the same time.
    /// </summary>
    public Task<long> ReadRecordsForClusteringAsync(Guid tenantId, Guid datasetId, long fromRow, long toRow, IStoredRecordSink sink, CancellationToken ct = default) =>
        ReadIntoAsync(_sql.ReadRecordsForClusteringRange, tenantId, datasetId, (fromRow, toRow), sink, ct);

    /// <summary>The first and last row number of the dataset's records; null when it has none (or is not the tenant's).</summary>
    public async Task<(long First, long Last)?> RecordRowRangeAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var range = await connection.QuerySingleOrDefaultAsync<RowRange>(
            new CommandDefinition(_sql.RecordRowRange, new { TenantId = tenantId, DatasetId = datasetId }, cancellationToken: ct));
        return range is { First: { } first, Last: { } last } ? (first, last) : null;
    }

    private async Task<long> ReadIntoAsync(string sql, Guid tenantId, Guid datasetId, (long From, long To)? rows, IStoredRecordSink sink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await using var connection = await connections.OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            return ReadSqliteRecords(sqlite, sql, tenantId, datasetId, rows, sink, ct);
        }

        long count = 0;
        var utf8 = new byte[1024];
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddGuid(command, "@DatasetId", datasetId);
        AddGuid(command, "@TenantId", tenantId);
        if (rows is { } range)
        {
            AddRowNumber(command, "@FromRow", range.From);
            AddRowNumber(command, "@ToRow", range.To);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var cells = reader.GetString(0);
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(cells.Length);
            if (utf8.Length < max)
            {
                utf8 = new byte[Math.Max(max, 2 * utf8.Length)];
            }

            sink.Add(utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(cells, utf8)));
            count++;
        }

        return count;
    }

    /// <summary>The tenant's datasets that hold a record of the subject (by pseudonym), oldest first.</summary>
    public async Task<IReadOnlyList<DatasetRow>> ContainingSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<DatasetRow>(new CommandDefinition(_sql.ContainingSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>
    /// Starts an all-or-nothing upload in a write transaction of its own (<see cref="IDbConnectionFactory.BeginWriteAsync"/>):
    /// nothing is visible until <see cref="RecordUpload.CommitAsync"/>.
    /// </summary>
    public async Task<RecordUpload> BeginUploadAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        var write = await connections.BeginWriteAsync(ct);
        try
        {
            return write.Connection switch
            {
                SqliteConnection => new SqliteRecordUpload(this, _sql, write, tenantId, datasetId),
                SqlConnection => new SqlServerRecordUpload(this, _sql, write, tenantId, datasetId),
                _ => throw new NotSupportedException("Uploads support SQLite and SQL Server."),
            };
        }
        catch
        {
            await write.DisposeAsync();
            throw;
        }
    }

    internal async IAsyncEnumerable<string> ReadRecordsAsync(
        DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid datasetId, [EnumeratorCancellation] CancellationToken ct, string? sql = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql ?? _sql.ReadRecords;
        AddGuid(command, "@DatasetId", datasetId);
        AddGuid(command, "@TenantId", tenantId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return reader.GetString(0);
        }
    }

    // One prepared statement stepped through the native API: each record's text is read from SQLite's own
    // buffer (no string, no reader object per row). Cancellation is checked every 4,096 records.
    private static long ReadSqliteRecords(SqliteConnection connection, string sql, Guid tenantId, Guid datasetId, (long From, long To)? rows, IStoredRecordSink sink, CancellationToken ct)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@DatasetId"), datasetId.ToString("D")));
            Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@TenantId"), tenantId.ToString("D")));
            if (rows is { } range)
            {
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@FromRow"), range.From));
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@ToRow"), range.To));
            }

            long count = 0;
            while (true)
            {
                if ((count & 4095) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var rc = SQLitePCL.raw.sqlite3_step(statement);
                if (rc == SQLitePCL.raw.SQLITE_DONE)
                {
                    return count;
                }

                if (rc != SQLitePCL.raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                sink.Add(SQLitePCL.raw.sqlite3_column_blob(statement, 0));
                count++;
            }
        }
    }

    private static void Check(SQLitePCL.sqlite3 db, int rc)
    {
        if (rc != SQLitePCL.raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private void AddGuid(DbCommand command, string name, Guid value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }
        else
        {
            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }

        command.Parameters.Add(parameter);
    }

    private static void AddRowNumber(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed class RowRange
    {
        public long? First { get; init; }

        public long? Last { get; init; }
    }

    private sealed class ExpiredRow
    {
        public Guid TenantId { get; init; }

        public Guid Id { get; init; }
    }
}
