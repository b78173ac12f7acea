using System.Data;
using Datawijs.Data.Infrastructure;
using Microsoft.Data.SqlClient;

namespace Datawijs.Data.Datasets;

/// <summary>
/// SQL Server: blocks of records (<see cref="RecordBlock"/>) and subject pseudonyms are collected in batches
/// of <see cref="BatchSize"/> rows and written with SqlBulkCopy inside the upload's transaction (constraints
/// checked, so the foreign keys stay trusted). Memory is bounded by one batch of each; a failed bulk copy or a
/// missing commit rolls the whole upload back.
/// </summary>
public sealed class SqlServerRecordUpload : RecordUpload
{
    public const int BatchSize = 5_000;

    // Table names, not statements: they live here rather than in DatasetSql, whose strings are parsed as SQL.
    private const string BlockTable = "dbo.DatasetRecordBlocks";
    private const string SubjectTable = "dbo.DatasetSubjectKeys";

    private readonly DataTable _blocks = new() { Locale = System.Globalization.CultureInfo.InvariantCulture };
    private readonly DataTable _subjects = new() { Locale = System.Globalization.CultureInfo.InvariantCulture };

    internal SqlServerRecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId, long datasetKey, long lastRow)
        : base(owner, sql, write, tenantId, datasetId, datasetKey, lastRow)
    {
        _blocks.Columns.Add("DatasetKey", typeof(long));
        _blocks.Columns.Add("FirstRow", typeof(long));
        _blocks.Columns.Add("RecordCount", typeof(int));
        _blocks.Columns.Add("Records", typeof(byte[]));
        _subjects.Columns.Add("DatasetKey", typeof(long));
        _subjects.Columns.Add("SubjectPseudonym", typeof(byte[]));
        _subjects.Columns.Add("RowNumber", typeof(long));
    }

    private protected override async ValueTask WriteBlockAsync(long firstRow, int count, ReadOnlyMemory<byte> records, CancellationToken ct)
    {
        _blocks.Rows.Add(DatasetKey, firstRow, count, records.ToArray());
        if (_blocks.Rows.Count >= BatchSize)
        {
            await CopyAsync(_blocks, BlockTable, ct);
        }
    }

    private protected override async ValueTask AddSubjectCoreAsync(ReadOnlyMemory<byte> subjectPseudonym, long rowNumber, CancellationToken ct)
    {
        _subjects.Rows.Add(DatasetKey, subjectPseudonym.ToArray(), rowNumber);
        if (_subjects.Rows.Count >= BatchSize)
        {
            await CopyAsync(_subjects, SubjectTable, ct);
        }
    }

    private protected override async ValueTask FlushPendingAsync(CancellationToken ct)
    {
        await CopyAsync(_blocks, BlockTable, ct);
        await CopyAsync(_subjects, SubjectTable, ct);
    }

    private protected override ValueTask ReleaseAsync()
    {
        _blocks.Dispose();
        _subjects.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task CopyAsync(DataTable batch, string table, CancellationToken ct)
    {
        if (batch.Rows.Count == 0)
        {
            return;
        }

        using var copy = new SqlBulkCopy((SqlConnection)Connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction)Transaction)
        {
            DestinationTableName = table,
            BatchSize = BatchSize,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in batch.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(batch, ct);
        batch.Clear();
    }
}
