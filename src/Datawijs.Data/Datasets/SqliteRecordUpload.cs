using Datawijs.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Datawijs.Data.Datasets;

/// <summary>
/// SQLite: rows are written <see cref="RowsPerInsert"/> at a time by one prepared multi-row INSERT (the
/// remainder, at the end, by the single-row <see cref="DatasetSql.InsertRecord"/>), stepped through the
/// native API on the upload's connection and transaction. Each row's values are bound as they arrive
/// (SQLite copies them, so the caller may reuse its buffers) and one step writes the whole group: a step
/// has a fixed cost that was a third of the upload's insert time at one row per step. Binding the
/// pseudonym and the cells straight from UTF-8 buffers, with the dataset id bound once, costs no
/// allocation per row; going through SqliteCommand cost a data reader, a task and a name lookup per
/// parameter for every row, more than SQLite's own work. Durability is unchanged: the connection's
/// journal and synchronous settings hold. No pragma is changed for the upload: rows arrive in key order,
/// so they only ever touch the right edge of the B-tree, and a larger page cache (16 or 64 MiB instead of
/// 2) measured no faster.
/// </summary>
public sealed class SqliteRecordUpload : RecordUpload
{
    /// <summary>The rows one step of the multi-row INSERT writes.</summary>
    public const int RowsPerInsert = 32;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertOne;
    private readonly sqlite3_stmt _insertMany;
    private readonly sqlite3_stmt _subjectOne;
    private readonly sqlite3_stmt _subjectsMany;
    private readonly byte[] _pendingSubjects = new byte[RowsPerInsert * 64];
    private int _subjects;
    private readonly long[] _pendingRows = new long[RowsPerInsert];
    private readonly byte[][] _pendingPseudonyms = new byte[RowsPerInsert][];
    private readonly byte[][] _pendingCells = new byte[RowsPerInsert][];
    private readonly int[] _pendingCellLengths = new int[RowsPerInsert];
    private int _pending;

    internal SqliteRecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId)
        : base(owner, sql, write, tenantId, datasetId)
    {
        _db = ((SqliteConnection)write.Connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql.InsertRecord, out _insertOne));
        Check(raw.sqlite3_prepare_v2(_db, DatasetSql.SqliteInsertRecords(RowsPerInsert), out _insertMany));
        Check(raw.sqlite3_prepare_v2(_db, DatasetSql.SqliteInsertSubjects(1), out _subjectOne));
        Check(raw.sqlite3_prepare_v2(_db, DatasetSql.SqliteInsertSubjects(RowsPerInsert), out _subjectsMany));
        var id = datasetId.ToString("D");
        Check(raw.sqlite3_bind_text(_subjectOne, 1, id));
        Check(raw.sqlite3_bind_text(_subjectsMany, 1, id));
        Check(raw.sqlite3_bind_text(_insertOne, Index(_insertOne, "@DatasetId"), id));
        Check(raw.sqlite3_bind_text(_insertMany, Index(_insertMany, "@DatasetId"), id));
        if (Index(_insertOne, "@DatasetId") != 1 || Index(_insertOne, "@RowNumber") != 2 || Index(_insertOne, "@SubjectPseudonym") != 3 || Index(_insertOne, "@Cells") != 4
            || raw.sqlite3_bind_parameter_count(_insertMany) != 1 + (3 * RowsPerInsert))
        {
            throw new InvalidOperationException("The record inserts do not have their parameters in the expected order.");
        }
        for (var i = 0; i < RowsPerInsert; i++)
        {
            _pendingCells[i] = new byte[128];
        }
    }

    private protected override ValueTask AddRecordAsync(long rowNumber, ReadOnlyMemory<byte> subjectPseudonym, ReadOnlyMemory<byte> cells, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var at = _pending;
        _pendingRows[at] = rowNumber;
        if (_pendingPseudonyms[at]?.Length != subjectPseudonym.Length)
        {
            _pendingPseudonyms[at] = new byte[subjectPseudonym.Length];
        }

        subjectPseudonym.Span.CopyTo(_pendingPseudonyms[at]);
        if (_pendingCells[at].Length < cells.Length)
        {
            _pendingCells[at] = new byte[Math.Max(cells.Length, 2 * _pendingCells[at].Length)];
        }

        cells.Span.CopyTo(_pendingCells[at]);
        _pendingCellLengths[at] = cells.Length;
        if (++_pending == RowsPerInsert)
        {
            // Parameter 1 is the dataset id; each row then has its row number, pseudonym and cells.
            for (var i = 0; i < RowsPerInsert; i++)
            {
                Bind(_insertMany, 2 + (3 * i), i);
            }

            Step(_insertMany);
            _pending = 0;
        }

        return ValueTask.CompletedTask;
    }

    /// <remarks>
    /// In ascending order the pseudonyms fill the index's B-tree front to back. Building it from the
    /// records instead (<see cref="DatasetSql.IndexSubjects"/>) meant reading every added record back and
    /// sorting their pseudonyms on disk, which took half the time of storing an upload.
    /// </remarks>
    public override bool TakesSortedSubjects => true;

    private protected override ValueTask AddSubjectCoreAsync(ReadOnlyMemory<byte> subjectPseudonym, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (subjectPseudonym.Length != 64)
        {
            throw new ArgumentException("A pseudonym is 64 hex digits.", nameof(subjectPseudonym));
        }

        subjectPseudonym.Span.CopyTo(_pendingSubjects.AsSpan(64 * _subjects));
        if (++_subjects == RowsPerInsert)
        {
            for (var i = 0; i < RowsPerInsert; i++)
            {
                Check(raw.sqlite3_bind_text(_subjectsMany, 2 + i, _pendingSubjects.AsSpan(64 * i, 64)));
            }

            Step(_subjectsMany);
            _subjects = 0;
        }

        return ValueTask.CompletedTask;
    }

    private protected override ValueTask FlushAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        for (var i = 0; i < _pending; i++)
        {
            Bind(_insertOne, 2, i);
            Step(_insertOne);
        }

        _pending = 0;
        for (var i = 0; i < _subjects; i++)
        {
            Check(raw.sqlite3_bind_text(_subjectOne, 2, _pendingSubjects.AsSpan(64 * i, 64)));
            Step(_subjectOne);
        }

        _subjects = 0;
        return ValueTask.CompletedTask;
    }

    private protected override ValueTask ReleaseAsync()
    {
        _insertOne.Dispose();
        _insertMany.Dispose();
        _subjectOne.Dispose();
        _subjectsMany.Dispose();
        return ValueTask.CompletedTask;
    }

    // Binds pending row `row` to the three parameters starting at `first` (row number, pseudonym, cells).
    private void Bind(sqlite3_stmt statement, int first, int row)
    {
        Check(raw.sqlite3_bind_int64(statement, first, _pendingRows[row]));
        Check(raw.sqlite3_bind_text(statement, first + 1, _pendingPseudonyms[row]));

        // An empty span would bind NULL; the cells of a single missing value are the empty text.
        var cells = _pendingCells[row].AsSpan(0, _pendingCellLengths[row]);
        Check(cells.IsEmpty ? raw.sqlite3_bind_text(statement, first + 2, "") : raw.sqlite3_bind_text(statement, first + 2, cells));
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
