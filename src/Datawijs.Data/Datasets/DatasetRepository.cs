using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Privacy;
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
        await foreach (var cells in ReadRecordsAsync(connection, null, tenantId, datasetId, ct, forClustering: true))
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
        ReadIntoAsync(tenantId, datasetId, null, sink, ct);

    /// <summary>
    /// One part of <see cref="ReadRecordsForClusteringAsync(Guid, Guid, IStoredRecordSink, CancellationToken)"/>:
    /// the records numbered <paramref name="fromRow"/> to <paramref name="toRow"/> (both included), with the same
    /// filter, in row order, on a connection of its own. Parts that cover <see cref="RecordRowRangeAsync"/> one
    /// after another give exactly the records of the whole read, in its order; they may run at the same time.
    /// </summary>
    public Task<long> ReadRecordsForClusteringAsync(Guid tenantId, Guid datasetId, long fromRow, long toRow, IStoredRecordSink sink, CancellationToken ct = default) =>
        ReadIntoAsync(tenantId, datasetId, (fromRow, toRow), sink, ct);

    /// <summary>The first and last row number of the dataset's records; null when it has none (or is not the tenant's).</summary>
    public async Task<(long First, long Last)?> RecordRowRangeAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await RecordRowRangeAsync(connection, null, tenantId, datasetId, ct);
    }

    private async Task<(long First, long Last)?> RecordRowRangeAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid datasetId, CancellationToken ct)
    {
        var range = await connection.QuerySingleOrDefaultAsync<RowRange>(
            new CommandDefinition(_sql.RecordRowRange, new { TenantId = tenantId, DatasetId = datasetId }, transaction, cancellationToken: ct));
        return range is { First: { } first, Last: { } last } ? (first, last) : null;
    }

    private async Task<long> ReadIntoAsync(Guid tenantId, Guid datasetId, (long From, long To)? rows, IStoredRecordSink sink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await using var connection = await connections.OpenAsync(ct);
        if (await SourceAsync(connection, null, tenantId, datasetId, forClustering: true, ct) is not { } source)
        {
            return 0;
        }

        var (from, to) = rows ?? (long.MinValue, long.MaxValue);
        var sql = rows is null ? _sql.ReadRecordBlocks : _sql.ReadRecordBlocksRange;
        if (connection is SqliteConnection sqlite)
        {
            return ReadSqliteBlocks(sqlite, sql, source, rows, sink, ct);
        }

        long count = 0;
        await foreach (var (first, records, block) in ReadBlocksAsync(connection, null, sql, source.Key, rows, ct))
        {
            count += Emit(block, first, records, from, to, source.Excluded, sink);
        }

        return count;
    }

    /// <summary>The tenant's datasets that hold a record of the subject (by pseudonym, 64 hex digits), oldest first.</summary>
    public async Task<IReadOnlyList<DatasetRow>> ContainingSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subjectPseudonym);
        var bytes = new byte[PseudonymWriter.Length];
        if (Convert.FromHexString(subjectPseudonym, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != bytes.Length)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<DatasetRow>(new CommandDefinition(_sql.ContainingSubject, new { TenantId = tenantId, SubjectPseudonym = bytes }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>
    /// Starts an all-or-nothing upload in a write transaction of its own (<see cref="IDbConnectionFactory.BeginWriteAsync"/>):
    /// nothing is visible until <see cref="RecordUpload.CommitAsync"/>. The dataset must be the tenant's.
    /// </summary>
    public async Task<RecordUpload> BeginUploadAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        var write = await connections.BeginWriteAsync(ct);
        try
        {
            var source = await write.Connection.QuerySingleOrDefaultAsync<RecordSourceRow>(
                new CommandDefinition(_sql.RecordSource, new { TenantId = tenantId, DatasetId = datasetId }, write.Transaction, cancellationToken: ct));
            if (source?.RecordKey is not { } key)
            {
                throw new InvalidOperationException("The tenant has no such dataset.");
            }

            var last = (await RecordRowRangeAsync(write.Connection, write.Transaction, tenantId, datasetId, ct))?.Last ?? 0;
            return write.Connection switch
            {
                SqliteConnection => new SqliteRecordUpload(this, _sql, write, tenantId, datasetId, key, last),
                SqlConnection => new SqlServerRecordUpload(this, _sql, write, tenantId, datasetId, key, last),
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
        DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid datasetId, [EnumeratorCancellation] CancellationToken ct, bool forClustering = false)
    {
        if (await SourceAsync(connection, transaction, tenantId, datasetId, forClustering, ct) is not { } source)
        {
            yield break;
        }

        var strings = new StringsSink();
        await foreach (var (first, records, block) in ReadBlocksAsync(connection, transaction, _sql.ReadRecordBlocks, source.Key, null, ct))
        {
            Emit(block, first, records, long.MinValue, long.MaxValue, source.Excluded, strings);
            foreach (var cells in strings.Cells)
            {
                yield return cells;
            }

            strings.Cells.Clear();
        }
    }

    // The dataset's blocks (all, or those holding any of the rows From..To) in row order, through ADO.NET.
    private static async IAsyncEnumerable<(long First, int Records, byte[] Block)> ReadBlocksAsync(
        DbConnection connection, DbTransaction? transaction, string sql, long key, (long From, long To)? rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddInt64(command, "@DatasetKey", key);
        if (rows is { } range)
        {
            AddInt64(command, "@FromRow", range.From);
            AddInt64(command, "@ToRow", range.To);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return (reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2));
        }
    }

    // Where the dataset's records are and, for a clustering, which to leave out (the rows of subjects whose "I don't
    // want this" was upheld, only in datasets whose subject ids are BSNs): null when the tenant has no such dataset.
    private async Task<RecordSource?> SourceAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid datasetId, bool forClustering, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RecordSourceRow>(
            new CommandDefinition(_sql.RecordSource, new { TenantId = tenantId, DatasetId = datasetId }, transaction, cancellationToken: ct));
        if (row?.RecordKey is not { } key)
        {
            return null;
        }

        if (!forClustering || row.SubjectIdKind != "bsn")
        {
            return new RecordSource(key, null);
        }

        var excluded = (await connection.QueryAsync<long>(
            new CommandDefinition(_sql.ExcludedRows, new { TenantId = tenantId, DatasetKey = key }, transaction, cancellationToken: ct))).ToHashSet();
        return new RecordSource(key, excluded.Count == 0 ? null : excluded);
    }

    // Hands the block's records numbered from..to, except the excluded rows, to the sink; returns how many.
    private static long Emit(ReadOnlySpan<byte> block, long firstRow, int count, long from, long to, HashSet<long>? excluded, IStoredRecordSink sink)
    {
        long emitted = 0;
        var records = RecordBlock.Read(block, firstRow, count);
        while (records.MoveNext())
        {
            if (records.Row < from || records.Row > to || (excluded is not null && excluded.Contains(records.Row)))
            {
                continue;
            }

            sink.Add(records.Cells);
            emitted++;
        }

        return emitted;
    }

    // One prepared statement stepped through the native API: each block is read from SQLite's own buffer (no
    // array, no reader object per block). Cancellation is checked every 64 blocks.
    private static long ReadSqliteBlocks(SqliteConnection connection, string sql, RecordSource source, (long From, long To)? rows, IStoredRecordSink sink, CancellationToken ct)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@DatasetKey"), source.Key));
            var (from, to) = rows ?? (long.MinValue, long.MaxValue);
            if (rows is not null)
            {
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@FromRow"), from));
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@ToRow"), to));
            }

            long count = 0;
            for (var blocks = 0; ; blocks++)
            {
                if ((blocks & 63) == 0)
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

                var first = SQLitePCL.raw.sqlite3_column_int64(statement, 0);
                var records = SQLitePCL.raw.sqlite3_column_int(statement, 1);
                count += Emit(SQLitePCL.raw.sqlite3_column_blob(statement, 2), first, records, from, to, source.Excluded, sink);
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

    private static void AddInt64(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record RecordSource(long Key, HashSet<long>? Excluded);

    // Collects the records of one block as strings, for the reads that hand out a string per record.
    private sealed class StringsSink : IStoredRecordSink
    {
        public List<string> Cells { get; } = [];

        public void Add(ReadOnlySpan<byte> cells) => Cells.Add(System.Text.Encoding.UTF8.GetString(cells));
    }

    private sealed class RecordSourceRow
    {
        public long? RecordKey { get; init; }

        public string SubjectIdKind { get; init; } = "";
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
