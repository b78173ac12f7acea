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

    public async Task AddAsync(DatasetRow dataset, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, dataset, cancellationToken: ct));
    }

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
    public async Task<bool> SetReferencePopulationAsync(Guid tenantId, Guid id, string referencePopulation, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            _sql.UpdateReferencePopulation, new { TenantId = tenantId, Id = id, ReferencePopulation = referencePopulation, UpdatedAt = at }, cancellationToken: ct));
        return updated == 1;
    }

    /// <summary>
    /// Removes the dataset with every record, clustering and profile set made from it (and their publication
    /// history and fairness reviews), in one
    /// transaction. False when there is no such dataset for the tenant.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var key = new { TenantId = tenantId, Id = id };
        var history = ProfileHistoryRepository.For(connections.Provider);
        foreach (var sql in new[] { history.DeleteReplacedReviewsOfDataset, history.DeleteReviewsOfDataset, history.DeletePublicationsOfDataset, _sql.DeleteProfiles, _sql.DeleteProfileSets, _sql.DeleteClusterings, _sql.DeleteSubjects, _sql.DeleteRecords })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, key, transaction, cancellationToken: ct));
        }

        var deleted = await connection.ExecuteAsync(new CommandDefinition(_sql.DeleteDataset, key, transaction, cancellationToken: ct));
        if (deleted == 1)
        {
            await Changes.ChangeCounterRepository.BumpAsync(connection, transaction, connections.Provider, tenantId, Changes.ChangeKinds.PublishedProfileSet, ct);
        }

        await transaction.CommitAsync(ct);
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

    /// <summary>The tenant's datasets that hold a record of the subject (by pseudonym), oldest first.</summary>
    public async Task<IReadOnlyList<DatasetRow>> ContainingSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<DatasetRow>(new CommandDefinition(_sql.ContainingSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Starts an all-or-nothing upload: nothing is visible until <see cref="RecordUpload.CommitAsync"/>.</summary>
    public async Task<RecordUpload> BeginUploadAsync(Guid tenantId, Guid datasetId, CancellationToken ct = default)
    {
        var turn = await connections.WriterTurnAsync(ct);
        DbConnection? connection = null;
        try
        {
            connection = await connections.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            return connection switch
            {
                SqliteConnection sqlite => new SqliteRecordUpload(this, _sql, sqlite, transaction, tenantId, datasetId, turn),
                SqlConnection sqlServer => new SqlServerRecordUpload(this, _sql, sqlServer, (SqlTransaction)transaction, tenantId, datasetId, turn),
                _ => throw new NotSupportedException("Uploads support SQLite and SQL Server."),
            };
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            turn.Dispose();
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

    private sealed class ExpiredRow
    {
        public Guid TenantId { get; init; }

        public Guid Id { get; init; }
    }
}
