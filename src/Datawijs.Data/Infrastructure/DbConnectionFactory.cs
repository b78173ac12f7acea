using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

public sealed class DbConnectionFactory : IDbConnectionFactory, IDisposable
{
    /// <summary>SQLite's result code for a database file that cannot be opened.</summary>
    public const int SqliteCantOpen = 14;

    private readonly string _connectionString;
    private readonly SqliteGroupCommit? _groupCommit;
    private readonly WriterTurns? _turns;
    private readonly string? _sqliteFile;

    public DbConnectionFactory(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Provider;
        _connectionString = Provider == DatabaseProvider.Sqlite
            ? SqliteConnectionStrings.Normalise(options.ConnectionString)
            : options.ConnectionString;
        _sqliteFile = Provider == DatabaseProvider.Sqlite ? SqliteConnectionStrings.FilePath(_connectionString) : null;
        DapperSetup.EnsureConfigured();
        _turns = Provider == DatabaseProvider.Sqlite ? new WriterTurns() : null;
        _groupCommit = _turns is null ? null : new SqliteGroupCommit(OpenAsync, EnsureFileExists, _turns);
    }

    public DatabaseProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureFileExists();
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => _groupCommit?.Dispose();

    public Task<IDisposable> WriterTurnAsync(CancellationToken cancellationToken = default) =>
        _turns is null ? Task.FromResult<IDisposable>(WriterTurns.None) : _turns.TakeAsync(cancellationToken);

    // A pooled SQLite connection keeps its file open after the file is deleted or its volume goes away,
    // and would go on accepting writes that are lost. Migrations create the file; once it is gone the
    // database is unavailable until it is back, rather than silently empty or orphaned.
    private void EnsureFileExists()
    {
        if (_sqliteFile is not null && !File.Exists(_sqliteFile))
        {
            throw new SqliteException("The SQLite database file is missing: " + _sqliteFile, SqliteCantOpen);
        }
    }

    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var turn = await WriterTurnAsync(cancellationToken).ConfigureAwait(false);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

            // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction; said here
            // because a deferred one could fail to upgrade to a writer half-way.
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new WriteTransaction(connection, transaction, turn);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            turn.Dispose();
            throw;
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_groupCommit is not null)
        {
            return await _groupCommit.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}
