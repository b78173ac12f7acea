using Datawijs.Data.Infrastructure;
using Datawijs.Domain.Privacy;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Datawijs.Data.Datasets;

/// <summary>
/// SQLite: each block of records (<see cref="RecordBlock"/>) is one row, written by one prepared INSERT, and
/// the subjects go <see cref="SubjectsPerInsert"/> at a time by one prepared multi-row INSERT (the remainder,
/// at the end, one at a time). Both are stepped through the native API on the upload's connection
/// and transaction, with the dataset's key bound once and the values bound straight from the caller's
/// buffers (SQLite copies them, so they may be reused): going through SqliteCommand cost a data reader, a
/// task and a name lookup per parameter for every statement, more than SQLite's own work. Durability is
/// unchanged: the connection's journal and synchronous settings hold. Blocks arrive in key order, and so do
/// the subjects when handed over in ascending order (as uploads do), so both touch only the right edge of
/// their B-trees.
/// </summary>
public sealed class SqliteRecordUpload : RecordUpload
{
    /// <summary>The subjects one step of the multi-row INSERT writes.</summary>
    public const int SubjectsPerInsert = 32;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _block;
    private readonly sqlite3_stmt _subjectOne;
    private readonly sqlite3_stmt _subjectsMany;
    private readonly byte[] _pendingSubjects = new byte[SubjectsPerInsert * PseudonymWriter.Length];
    private readonly long[] _pendingRows = new long[SubjectsPerInsert];
    private int _subjects;

    internal SqliteRecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId, long datasetKey, long lastRow)
        : base(owner, sql, write, tenantId, datasetId, datasetKey, lastRow)
    {
        _db = ((SqliteConnection)write.Connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql.InsertRecordBlock, out _block));
        Check(raw.sqlite3_prepare_v2(_db, DatasetSql.SqliteInsertSubjects(1), out _subjectOne));
        Check(raw.sqlite3_prepare_v2(_db, DatasetSql.SqliteInsertSubjects(SubjectsPerInsert), out _subjectsMany));
        if (Index(_block, "@DatasetKey") != 1 || Index(_block, "@FirstRow") != 2 || Index(_block, "@RowCount") != 3 || Index(_block, "@Records") != 4
            || raw.sqlite3_bind_parameter_count(_subjectsMany) != 1 + (2 * SubjectsPerInsert))
        {
            throw new InvalidOperationException("The record inserts do not have their parameters in the expected order.");
        }

        Check(raw.sqlite3_bind_int64(_block, 1, datasetKey));
        Check(raw.sqlite3_bind_int64(_subjectOne, 1, datasetKey));
        Check(raw.sqlite3_bind_int64(_subjectsMany, 1, datasetKey));
    }

    private protected override ValueTask WriteBlockAsync(long firstRow, int count, ReadOnlyMemory<byte> records, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Check(raw.sqlite3_bind_int64(_block, 2, firstRow));
        Check(raw.sqlite3_bind_int(_block, 3, count));
        Check(raw.sqlite3_bind_blob(_block, 4, records.Span));
        Step(_block);
        return ValueTask.CompletedTask;
    }

    private protected override ValueTask AddSubjectCoreAsync(ReadOnlyMemory<byte> subjectPseudonym, long rowNumber, CancellationToken ct)
    {
        subjectPseudonym.Span.CopyTo(_pendingSubjects.AsSpan(PseudonymWriter.Length * _subjects));
        _pendingRows[_subjects] = rowNumber;
        if (++_subjects == SubjectsPerInsert)
        {
            // Parameter 1 is the dataset's key; each subject then has its pseudonym and its record's row number.
            for (var i = 0; i < SubjectsPerInsert; i++)
            {
                BindSubject(_subjectsMany, 2 + (2 * i), i);
            }

            Step(_subjectsMany);
            _subjects = 0;
        }

        return ValueTask.CompletedTask;
    }

    private protected override ValueTask FlushPendingAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        for (var i = 0; i < _subjects; i++)
        {
            BindSubject(_subjectOne, 2, i);
            Step(_subjectOne);
        }

        _subjects = 0;
        return ValueTask.CompletedTask;
    }

    private protected override ValueTask ReleaseAsync()
    {
        _block.Dispose();
        _subjectOne.Dispose();
        _subjectsMany.Dispose();
        return ValueTask.CompletedTask;
    }

    private void BindSubject(sqlite3_stmt statement, int first, int i)
    {
        Check(raw.sqlite3_bind_blob(statement, first, _pendingSubjects.AsSpan(PseudonymWriter.Length * i, PseudonymWriter.Length)));
        Check(raw.sqlite3_bind_int64(statement, first + 1, _pendingRows[i]));
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private static int Index(sqlite3_stmt statement, string name)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        return index > 0 ? index : throw new InvalidOperationException($"The insert has no parameter {name}.");
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
