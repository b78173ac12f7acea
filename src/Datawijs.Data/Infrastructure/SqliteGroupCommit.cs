using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Group commit for SQLite's single writer. Short writes from concurrent requests are queued and
/// written by one writer at a time: whatever is waiting when a transaction starts goes into it (up to
/// <see cref="MaxBatch"/>), and the whole batch is committed once.
/// <para>
/// Why: SQLite lets one connection write at a time, and every commit waits for the disk. Without this,
/// concurrent writers take turns through SQLite's busy handler (sleeping and retrying), so throughput is
/// one commit per request and the tail latency is the retry sleep. With it, many requests share a commit
/// and nobody sleeps on a lock held by this process.
/// </para>
/// <para>
/// The writer keeps its connection open between batches, with its statements prepared once
/// (<see cref="SqliteStatementCache"/>), as a pooled connection would stay open. Before each batch the
/// database file is checked to be still there (<c>ensureAvailable</c>), so writes into a deleted or
/// moved file are refused rather than lost; after a batch that failed the connection is closed and
/// the next batch opens a fresh one.
/// </para>
/// <para>
/// Each batch takes its turn with the other write transactions of this process (<see cref="WriterTurns"/>),
/// so uploads and shared commits alternate in arrival order instead of racing in SQLite's busy handler.
/// </para>
/// <para>
/// Nothing is weakened: a write's task completes only after the transaction holding it has committed,
/// so a response is never sent for a write that is not on disk. When one write of a batch fails (or the
/// commit does), the batch is rolled back and each write is done again in a transaction of its own, so
/// every write succeeds or fails by itself. Writes are therefore database work only, safe to run again
/// after a rollback.
/// </para>
/// </summary>
public sealed class SqliteGroupCommit(
    Func<CancellationToken, Task<DbConnection>> open, Action? ensureAvailable = null, WriterTurns? turns = null) : IDisposable
{
    public const int MaxBatch = 128;

    private readonly ConcurrentQueue<IPendingWrite> _queue = new();
    private int _writing;
    private long _commits;

    // Only the one drainer touches these.
    private DbConnection? _connection;
    private SqliteStatementCache? _statements;

    /// <summary>Transactions committed so far (each holds one batch).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new PendingWrite<T>(work, ct);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return pending.Task;
    }

    // One drainer at a time: it writes batches until the queue is empty, then hands the role back.
    // An enqueue that raced with the hand-off is picked up by the re-check.
    private async Task DrainAsync()
    {
        var batch = new List<IPendingWrite>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                if (!next.CancelIfRequested())
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<IPendingWrite> batch)
    {
        try
        {
            if (await TryCommitAsync(batch).ConfigureAwait(false))
            {
                return;
            }
        }
#pragma warning disable CA1031 // Every waiting request gets the failure as its own exception.
        catch (Exception ex) when (batch.Count == 1 || IsBusy(ex))
        {
            // A database another process holds (busy or locked past the busy timeout) would refuse each write
            // again, one busy timeout after the other: the whole batch is refused at once, as separate
            // connections waiting side by side would have been.
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }
        catch (Exception)
        {
            // Retried one by one below, so a batch-wide failure reaches each write in its own words.
        }
#pragma warning restore CA1031

        if (batch.Count > 1)
        {
            // One write failed (or the commit did): the transaction was rolled back as a whole, so each
            // write is done again on its own and succeeds or fails by itself.
            foreach (var write in batch)
            {
                await WriteBatchAsync([write]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs the writes in one transaction and commits; false (rolled back) when one of them failed.</summary>
    private async Task<bool> TryCommitAsync(List<IPendingWrite> batch)
    {
        using var turn = turns is null ? null : await turns.TakeAsync(CancellationToken.None).ConfigureAwait(false);
        var connection = await ConnectionAsync().ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var write in batch)
            {
                if (!await write.RunAsync(connection, transaction).ConfigureAwait(false))
                {
                    if (batch.Count == 1)
                    {
                        write.Complete();
                        return true;
                    }

                    return false;
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
    }

    private static bool IsBusy(Exception ex) => ex is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    private async Task<DbConnection> ConnectionAsync()
    {
        if (_connection is not null)
        {
            try
            {
                ensureAvailable?.Invoke();
            }
            catch
            {
                await CloseAsync().ConfigureAwait(false);
                throw;
            }

            return _connection;
        }

        var connection = await open(CancellationToken.None).ConfigureAwait(false);
        _statements = connection is SqliteConnection sqlite ? SqliteStatementCache.Attach(sqlite) : null;
        _connection = connection;
        return connection;
    }

    private async Task CloseAsync()
    {
        _statements?.Dispose();
        _statements = null;
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the writer's connection, unless a batch is being written (then it goes with the process).</summary>
    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            CloseAsync().GetAwaiter().GetResult();
            Volatile.Write(ref _writing, 0);
        }
    }

    private interface IPendingWrite
    {
        bool CancelIfRequested();

        /// <summary>Runs the write; false when it threw (the failure is kept for its caller).</summary>
        Task<bool> RunAsync(DbConnection connection, DbTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct) : IPendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _failure;

        public Task<T> Task => _completion.Task;

        public bool CancelIfRequested() => ct.IsCancellationRequested && _completion.TrySetCanceled(ct);

        public async Task<bool> RunAsync(DbConnection connection, DbTransaction transaction)
        {
            _failure = null;
            try
            {
                _result = await work(connection, transaction, ct).ConfigureAwait(false);
                return true;
            }
#pragma warning disable CA1031 // Kept and rethrown to the caller once the batch is settled.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _failure = ex;
                return false;
            }
        }

        public void Complete()
        {
            if (_failure is null)
            {
                _completion.TrySetResult(_result!);
            }
            else if (_failure is OperationCanceledException)
            {
                _completion.TrySetCanceled(ct);
            }
            else
            {
                _completion.TrySetException(_failure);
            }
        }

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
