using System.Data.Common;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Opens connections to the configured database, ready for use. Reads use <see cref="OpenAsync"/>; every
/// write goes through <see cref="WriteAsync{T}"/> (a short write, which on SQLite may share a commit) or
/// <see cref="BeginWriteAsync"/> (a write transaction of its own). Both take this process's writer turn
/// on SQLite, so all of a process's writes queue in one line for SQLite's single write lock.
/// </summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    /// <summary>A connection for reading; writes on it would bypass the writer's turn.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a short write in a transaction and completes once it is committed. On SQLite concurrent
    /// writes share a transaction (see <see cref="SqliteGroupCommit"/>); the work must therefore use
    /// only the connection and transaction it is given, and is run once.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins a write transaction of its own, for a write that is large or decides part-way whether to
    /// commit (the work of <see cref="WriteAsync{T}"/> may not roll back). On SQLite it first waits for this
    /// process's writer turn and then begins <c>IMMEDIATE</c>, holding the write lock from the start; on
    /// SQL Server it is a plain transaction. Dispose it to end the transaction and hand the turn on.
    /// </summary>
    Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for this process's turn to hold a write transaction; dispose the result when the
    /// transaction has ended. SQLite has one writer: in SQLite's own busy handler a waiting writer
    /// sleeps and retries, so a steady stream of other writes (uploads) could keep the shared commits
    /// of <see cref="WriteAsync{T}"/> waiting past any timeout. Turns are taken in arrival order.
    /// On SQL Server there is nothing to wait for.
    /// </summary>
    Task<IDisposable> WriterTurnAsync(CancellationToken cancellationToken = default);
}
