using System.Data;
using System.Text;
using Datawijs.Data.Infrastructure;
using Microsoft.Data.SqlClient;

namespace Datawijs.Data.Datasets;

/// <summary>
/// SQL Server: rows are collected in batches of <see cref="BatchSize"/> and written with SqlBulkCopy inside
/// the upload's transaction (constraints checked, so the foreign key stays trusted). Memory is bounded by
/// one batch; a failed bulk copy or a missing commit rolls the whole upload back.
/// </summary>
public sealed class SqlServerRecordUpload : RecordUpload
{
    public const int BatchSize = 5_000;

    // A table name, not a statement: it lives here rather than in DatasetSql, whose strings are parsed as SQL.
    private const string Table = "dbo.DatasetRecords";

    private readonly DataTable _batch = new() { Locale = System.Globalization.CultureInfo.InvariantCulture };

    internal SqlServerRecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId)
        : base(owner, sql, write, tenantId, datasetId)
    {
        _batch.Columns.Add("DatasetId", typeof(Guid));
        _batch.Columns.Add("RowNumber", typeof(long));
        _batch.Columns.Add("SubjectPseudonym", typeof(string));
        _batch.Columns.Add("Cells", typeof(string));
    }

    private protected override async ValueTask AddRecordAsync(long rowNumber, ReadOnlyMemory<byte> subjectPseudonym, ReadOnlyMemory<byte> cells, CancellationToken ct)
    {
        _batch.Rows.Add(DatasetId, rowNumber, Encoding.ASCII.GetString(subjectPseudonym.Span), Encoding.UTF8.GetString(cells.Span));
        if (_batch.Rows.Count >= BatchSize)
        {
            await FlushAsync(ct);
        }
    }

    private protected override async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_batch.Rows.Count == 0)
        {
            return;
        }

        using var copy = new SqlBulkCopy((SqlConnection)Connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction)Transaction)
        {
            DestinationTableName = Table,
            BatchSize = BatchSize,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in _batch.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(_batch, ct);
        _batch.Clear();
    }

    private protected override ValueTask ReleaseAsync()
    {
        _batch.Dispose();
        return ValueTask.CompletedTask;
    }
}
