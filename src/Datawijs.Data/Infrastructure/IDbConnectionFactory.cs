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
}
