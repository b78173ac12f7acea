using System.Data.Common;

namespace Datawijs.Data.Infrastructure;

/// <summary>Opens connections to the configured database, ready for use.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a short write in a transaction and completes once it is committed. On SQLite concurrent
    /// writes share a transaction (see <see cref="SqliteGroupCommit"/>); the work must therefore use
    /// only the connection and transaction it is given, and is run once.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for this process's turn to hold a write transaction; dispose the result when the
    /// transaction has ended. SQLite has one writer: in SQLite's own busy handler a waiting writer
    /// sleeps and retries, so a steady stream of other writes (uploads) could keep the shared commits
    /// of <see cref="WriteAsync{T}"/> waiting past any timeout. Turns are taken in arrival order.
    /// On SQL Server there is nothing to wait for.
    /// </summary>
    Task<IDisposable> WriterTurnAsync(CancellationToken cancellationToken = default);
}
