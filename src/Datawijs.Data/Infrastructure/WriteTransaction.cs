using System.Data.Common;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// A write transaction of its own (<see cref="IDbConnectionFactory.BeginWriteAsync"/>), for a write that
/// is large (an upload, a dataset's removal) or decides part-way whether to commit, and so cannot share a
/// commit with others. On SQLite it holds this process's writer turn from before <c>BEGIN IMMEDIATE</c>
/// until it is disposed, so it takes its place in line with the shared commits instead of racing them in
/// SQLite's busy handler. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDisposable _turn;

    internal WriteTransaction(DbConnection connection, DbTransaction transaction, IDisposable turn)
    {
        Connection = connection;
        Transaction = transaction;
        _turn = turn;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public Task CommitAsync(CancellationToken ct = default) => Transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct = default) => Transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _turn.Dispose();
        }
    }
}
