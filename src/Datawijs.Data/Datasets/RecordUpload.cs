using System.Data.Common;
using System.Text;
using Dapper;
using Datawijs.Data.Infrastructure;
using Datawijs.Domain.Privacy;

namespace Datawijs.Data.Datasets;

/// <summary>
/// One upload in one write transaction of its own (<see cref="WriteTransaction"/>): records go to the database
/// as they are added, in blocks (<see cref="RecordBlock"/>), so memory stays flat, and disposing without
/// <see cref="CommitAsync"/> rolls every one back. On SQLite it holds this process's writer turn until disposed.
/// Each provider writes its own fastest way (<see cref="SqliteRecordUpload"/>, <see cref="SqlServerRecordUpload"/>).
/// The caller hands over whose record each one is, best in ascending order of the pseudonym, for the subject
/// index (<see cref="AddSubjectAsync"/>).
/// </summary>
public abstract class RecordUpload : IAsyncDisposable
{
    private readonly DatasetRepository _owner;
    private readonly DatasetSql _sql;
    private readonly WriteTransaction _write;
    private readonly RecordBlockBuilder _block = new();
    private long _records;
    private long _subjects;
    private long _lastRow;

    private protected RecordUpload(DatasetRepository owner, DatasetSql sql, WriteTransaction write, Guid tenantId, Guid datasetId, long datasetKey, long lastRow)
    {
        _lastRow = lastRow;
        _owner = owner;
        _sql = sql;
        _write = write;
        TenantId = tenantId;
        DatasetId = datasetId;
        DatasetKey = datasetKey;
    }

    private protected DbConnection Connection => _write.Connection;

    private protected DbTransaction Transaction => _write.Transaction;

    private protected Guid TenantId { get; }

    private protected Guid DatasetId { get; }

    /// <summary>The dataset's key in the record and subject tables.</summary>
    private protected long DatasetKey { get; }

    /// <summary>
    /// Adds one record and its subject (the pseudonym as 64 hex digits, the cells in stored form): for a caller
    /// with a few records. A large upload adds the subjects apart, in ascending order (<see cref="AddSubjectAsync"/>).
    /// </summary>
    public async ValueTask AddAsync(long rowNumber, string subjectPseudonym, string cells, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subjectPseudonym);
        ArgumentNullException.ThrowIfNull(cells);
        await AddAsync(rowNumber, Encoding.UTF8.GetBytes(cells), ct);
        await AddSubjectAsync(Convert.FromHexString(subjectPseudonym), rowNumber, ct);
    }

    /// <summary>
    /// Adds one record: its cells in stored form as UTF-8 (the form the database keeps, so nothing is
    /// transcoded per record). Each record's number is higher than every stored one and the one added before
    /// (a block holds a run of row numbers, so a row number is never stored twice). The buffer may be reused
    /// by the caller as soon as the returned task completes.
    /// </summary>
    public ValueTask AddAsync(long rowNumber, ReadOnlyMemory<byte> cells, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (rowNumber <= _lastRow)
        {
            throw new InvalidOperationException($"Record {rowNumber} does not follow record {_lastRow}; records are added after the stored ones, in order.");
        }

        _lastRow = rowNumber;
        _records++;
        if (_block.TryAdd(rowNumber, cells.Span))
        {
            return _block.IsFull ? WriteBlockAsync(ct) : ValueTask.CompletedTask;
        }

        return WriteAndAddAsync(rowNumber, cells, ct);
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
    /// Adds whose record <paramref name="rowNumber"/> is (the pseudonym, <see cref="PseudonymWriter.Length"/>
    /// bytes) to the subject index: it tells which datasets hold a citizen's record, and which records a
    /// clustering leaves out after an upheld "I don't want this". One per added record, before
    /// <see cref="CommitAsync"/>, which refuses an upload without one per record. In ascending order of the
    /// pseudonym the index is written front to back, which is much faster; any order gives the same index.
    /// </summary>
    public ValueTask AddSubjectAsync(ReadOnlyMemory<byte> subjectPseudonym, long rowNumber, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (subjectPseudonym.Length != PseudonymWriter.Length)
        {
            throw new ArgumentException($"A pseudonym is {PseudonymWriter.Length} bytes.", nameof(subjectPseudonym));
        }

        _subjects++;
        return AddSubjectCoreAsync(subjectPseudonym, rowNumber, ct);
    }

    public async Task CommitAsync(long recordCount, string quality, DateTimeOffset at, CancellationToken ct = default)
    {
        await FlushAsync(ct);

        // Which datasets hold a citizen's record is read by pseudonym: every added record's subject is indexed.
        if (_subjects != _records)
        {
            throw new InvalidOperationException($"{_subjects} subjects were added for {_records} records; add one per record.");
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

    /// <summary>Writes one block of consecutive records.</summary>
    private protected abstract ValueTask WriteBlockAsync(long firstRow, int count, ReadOnlyMemory<byte> records, CancellationToken ct);

    /// <summary>Adds one record's subject (see <see cref="AddSubjectAsync"/>).</summary>
    private protected abstract ValueTask AddSubjectCoreAsync(ReadOnlyMemory<byte> subjectPseudonym, long rowNumber, CancellationToken ct);

    /// <summary>Writes what the provider still holds back (a batch of blocks or subjects) to the database.</summary>
    private protected virtual ValueTask FlushPendingAsync(CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Releases what the provider holds on the connection, before the transaction ends.</summary>
    private protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;

    private async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_block.Count > 0)
        {
            await WriteBlockAsync(ct);
        }

        await FlushPendingAsync(ct);
    }

    private async ValueTask WriteBlockAsync(CancellationToken ct)
    {
        await WriteBlockAsync(_block.FirstRow, _block.Count, _block.Memory, ct);
        _block.Clear();
    }

    // The record does not follow the block's last: the block goes first, and the record starts the next one.
    private async ValueTask WriteAndAddAsync(long rowNumber, ReadOnlyMemory<byte> cells, CancellationToken ct)
    {
        await WriteBlockAsync(ct);
        _block.TryAdd(rowNumber, cells.Span);
    }
}
