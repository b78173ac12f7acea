using System.Data.Common;
using System.Text;
using Dapper;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Datasets;

/// <summary>
/// One upload in one write transaction of its own (<see cref="WriteTransaction"/>): rows go to the database
/// as they are read (memory stays flat), and disposing without <see cref="CommitAsync"/> rolls every row
/// back. On SQLite it holds this process's writer turn until disposed. Each provider writes rows its own
/// fastest way (<see cref="SqliteRecordUpload"/>, <see cref="SqlServerRecordUpload"/>).
/// </summary>
public abstract class RecordUpload : IAsyncDisposable
{
    private readonly DatasetRepository _owner;
    private readonly DatasetSql _sql;
    private readonly WriteTransaction _write;
    private long _records;
    private long _subjects;

    private protected RecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId)
    {
        _owner = owner;
        _sql = sql;
        _write = write;
        TenantId = tenantId;
        DatasetId = datasetId;
    }

    private protected DbConnection Connection => _write.Connection;

    private protected DbTransaction Transaction => _write.Transaction;

    private protected Guid TenantId { get; }

    private protected Guid DatasetId { get; }

    /// <summary>Adds one record (the pseudonym as 64 hex digits, the cells in stored form).</summary>
    public ValueTask AddAsync(long rowNumber, string subjectPseudonym, string cells, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subjectPseudonym);
        ArgumentNullException.ThrowIfNull(cells);
        return AddAsync(rowNumber, Encoding.ASCII.GetBytes(subjectPseudonym), Encoding.UTF8.GetBytes(cells), ct);
    }

    /// <summary>
    /// Adds one record: the pseudonym as ASCII hex digits, the cells in stored form as UTF-8 (the form the
    /// database keeps, so nothing is transcoded per row). The buffers may be reused by the caller as soon
    /// as the returned task completes.
    /// </summary>
    public ValueTask AddAsync(long rowNumber, ReadOnlyMemory<byte> subjectPseudonym, ReadOnlyMemory<byte> cells, CancellationToken ct = default)
    {
        _records++;
        return AddRecordAsync(rowNumber, subjectPseudonym, cells, ct);
    }

    /// <summary>The dataset's record count as committed, read inside this upload's transaction.</summary>
    public async Task<long> StoredRecordCountAsync(CancellationToken ct = default)
    {
        var dataset = await Connection.QuerySingleOrDefaultAsync<DatasetRow>(
            new CommandDefinition(_sql.Find, new { TenantId, Id = DatasetId }, Transaction, cancellationToken: ct));
        return dataset?.RecordCount ?? 0;
    }

    /// <summary>Every record of the dataset including this upload's (visible inside the transaction only).</summary>
    public async IAsyncEnumerable<string> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await FlushAsync(ct);
        await foreach (var cells in _owner.ReadRecordsAsync(Connection, Transaction, TenantId, DatasetId, ct))
        {
            yield return cells;
        }
    }

    /// <summary>
    /// True when this provider can take the upload's subject pseudonyms from the caller, in ascending
    /// order (<see cref="AddSubjectAsync"/>), for the index of which datasets hold a citizen's record,
    /// which is faster than building it from the records. When none are added, <see cref="CommitAsync"/>
    /// builds the index from the added records itself, as it always does when this is false.
    /// </summary>
    public virtual bool TakesSortedSubjects => false;

    /// <summary>
    /// Adds the subject pseudonym (ASCII hex) of one added record to the index of which datasets hold a
    /// citizen's record. Only when <see cref="TakesSortedSubjects"/>; then one per added record, in
    /// ascending order, before <see cref="CommitAsync"/>, which refuses an upload with some but not all.
    /// </summary>
    public ValueTask AddSubjectAsync(ReadOnlyMemory<byte> subjectPseudonym, CancellationToken ct = default)
    {
        if (!TakesSortedSubjects)
        {
            throw new NotSupportedException("This provider indexes the subjects from the records when the upload is committed.");
        }

        _subjects++;
        return AddSubjectCoreAsync(subjectPseudonym, ct);
    }

    public async Task CommitAsync(long recordCount, string quality, DateTimeOffset at, CancellationToken ct = default)
    {
        await FlushAsync(ct);

        // Which datasets hold a citizen's record is read by pseudonym; this upload's rows follow the count stored before it.
        if (_subjects > 0 && _subjects != _records)
        {
            throw new InvalidOperationException($"{_subjects} subjects were added for {_records} records; add one per record, or none.");
        }

        if (_subjects == 0)
        {
            var before = await StoredRecordCountAsync(ct);
            await Connection.ExecuteAsync(new CommandDefinition(_sql.IndexSubjects, new { DatasetId, AfterRow = before }, Transaction, cancellationToken: ct));
        }

        await Connection.ExecuteAsync(new CommandDefinition(
            _sql.CompleteUpload,
            new { TenantId, Id = DatasetId, RecordCount = recordCount, Quality = quality, UpdatedAt = at },
            Transaction,
            cancellationToken: ct));
        await _write.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        finally
        {
            await _write.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Adds one record (see <see cref="AddAsync(long, ReadOnlyMemory{byte}, ReadOnlyMemory{byte}, CancellationToken)"/>).</summary>
    private protected abstract ValueTask AddRecordAsync(long rowNumber, ReadOnlyMemory<byte> subjectPseudonym, ReadOnlyMemory<byte> cells, CancellationToken ct);

    /// <summary>Adds one subject pseudonym (see <see cref="AddSubjectAsync"/>).</summary>
    private protected virtual ValueTask AddSubjectCoreAsync(ReadOnlyMemory<byte> subjectPseudonym, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Writes rows still held back (a batch) to the database.</summary>
    private protected virtual ValueTask FlushAsync(CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Releases what the provider holds on the connection, before the transaction ends.</summary>
    private protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;
}
