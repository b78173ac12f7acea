using System.Data.Common;
using Dapper;
using Datawijs.Data.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Tests;

/// <summary>Concurrent SQLite writes share commits, and each still succeeds or fails on its own.</summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "datawijs-data-tests", Guid.NewGuid().ToString("N"));
    private string _connectionString = "";
    private int _opened;
    private TaskCompletionSource? _firstOpenGate;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = SqliteConnectionStrings.Normalise($"Data Source={Path.Combine(_directory, "group.db")}");
        await using var connection = await OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)");
        _opened = 0;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return ValueTask.CompletedTask;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (Interlocked.Increment(ref _opened) == 1 && _firstOpenGate is { } gate)
        {
            await gate.Task;
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static Func<DbConnection, DbTransaction, CancellationToken, Task<int>> Insert(int id, string label = "x") =>
        (connection, transaction, ct) => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO items (id, label) VALUES (@id, @label)", new { id, label }, transaction, cancellationToken: ct));

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items");
    }

    [Fact]
    public async Task Writes_waiting_together_share_one_commit()
    {
        _firstOpenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groupCommit = new SqliteGroupCommit(OpenAsync);

        // The first batch holds the writer until all 300 are queued: the other 299 then need at most
        // three transactions of MaxBatch instead of one each.
        var writes = Enumerable.Range(1, 300).Select(i => groupCommit.WriteAsync(Insert(i), CancellationToken.None)).ToList();
        _firstOpenGate.SetResult();
        await Task.WhenAll(writes);

        Assert.Equal(300, await CountAsync());
        Assert.InRange(groupCommit.Commits, 2, 1 + (int)Math.Ceiling(299.0 / SqliteGroupCommit.MaxBatch));
        Assert.Equal(1, _opened);
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_the_others_commit()
    {
        _firstOpenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groupCommit = new SqliteGroupCommit(OpenAsync);
        var first = groupCommit.WriteAsync(Insert(1), CancellationToken.None);
        var before = groupCommit.WriteAsync(Insert(2), CancellationToken.None);
        var twoRowsThenDuplicate = groupCommit.WriteAsync(async (connection, transaction, ct) =>
        {
            await Insert(3)(connection, transaction, ct);
            return await Insert(2, "duplicate")(connection, transaction, ct);
        }, CancellationToken.None);
        var after = groupCommit.WriteAsync(Insert(4), CancellationToken.None);
        _firstOpenGate.SetResult();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<SqliteException>(() => twoRowsThenDuplicate);
        await using var connection = new SqliteConnection(_connectionString);
        Assert.Equal([1L, 2L, 4L], (await connection.QueryAsync<long>("SELECT id FROM items ORDER BY id")).ToList());
        Assert.Equal("x", await connection.ExecuteScalarAsync<string>("SELECT label FROM items WHERE id = 2"));
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_before_its_turn_is_not_done()
    {
        _firstOpenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groupCommit = new SqliteGroupCommit(OpenAsync);
        var first = groupCommit.WriteAsync(Insert(1), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        var abandoned = groupCommit.WriteAsync(Insert(2), cancelled.Token);
        await cancelled.CancelAsync();
        _firstOpenGate.SetResult();

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_batch_that_cannot_get_the_database_fails_its_writes_and_the_next_batch_works()
    {
        var impatient = _connectionString.Replace("Default Timeout=15", "Default Timeout=1", StringComparison.Ordinal);
        var groupCommit = new SqliteGroupCommit(async ct =>
        {
            var connection = new SqliteConnection(impatient);
            await connection.OpenAsync(ct);
            return connection;
        });
        await using (var blocker = new SqliteConnection(_connectionString))
        {
            await blocker.OpenAsync();
            await blocker.ExecuteAsync("BEGIN EXCLUSIVE");
            var refused = Enumerable.Range(1, 3).Select(i => groupCommit.WriteAsync(Insert(i), CancellationToken.None)).ToList();
            foreach (var write in refused)
            {
                Assert.Equal(5 /* SQLITE_BUSY */, (await Assert.ThrowsAsync<SqliteException>(() => write)).SqliteErrorCode);
            }

            await blocker.ExecuteAsync("ROLLBACK");
        }

        Assert.Equal(1, await groupCommit.WriteAsync(Insert(1), CancellationToken.None));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Writes_refused_by_a_database_another_process_holds_are_refused_together_not_one_timeout_after_the_other()
    {
        var impatient = _connectionString.Replace("Default Timeout=15", "Default Timeout=1", StringComparison.Ordinal);
        var attempts = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groupCommit = new SqliteGroupCommit(async ct =>
        {
            // The first attempt (a batch of one earlier write) waits, so the four writes below queue up behind it
            // and form the next batch together.
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await gate.Task;
            }

            var connection = new SqliteConnection(impatient);
            await connection.OpenAsync(ct);
            return connection;
        });
        await using var blocker = new SqliteConnection(_connectionString);
        await blocker.OpenAsync();
        await blocker.ExecuteAsync("BEGIN EXCLUSIVE");
        var earlier = groupCommit.WriteAsync(Insert(100), CancellationToken.None);
        while (Volatile.Read(ref attempts) == 0)
        {
            await Task.Delay(5);
        }

        var refused = Enumerable.Range(1, 4).Select(i => groupCommit.WriteAsync(Insert(i), CancellationToken.None)).ToList();
        gate.SetResult();
        foreach (var write in refused.Prepend(earlier))
        {
            Assert.Equal(5 /* SQLITE_BUSY */, (await Assert.ThrowsAsync<SqliteException>(() => write)).SqliteErrorCode);
        }

        // One attempt for the earlier write and one for the batch of four: retrying each of the four alone would
        // wait out the busy timeout four more times (six attempts).
        Assert.Equal(2, attempts);
        await blocker.ExecuteAsync("ROLLBACK");
    }

    [Fact]
    public async Task Shared_commits_wait_for_the_writer_turn()
    {
        var turns = new WriterTurns();
        var groupCommit = new SqliteGroupCommit(OpenAsync, turns: turns);
        var held = await turns.TakeAsync(CancellationToken.None);
        var write = groupCommit.WriteAsync(Insert(1), CancellationToken.None);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(write.IsCompleted);
        Assert.Equal(0, await CountAsync());

        held.Dispose();
        Assert.Equal(1, await write);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Writer_turns_go_in_arrival_order_and_a_turn_is_handed_on_once()
    {
        var turns = new WriterTurns();
        var first = await turns.TakeAsync(CancellationToken.None);
        var second = turns.TakeAsync(CancellationToken.None);
        var third = turns.TakeAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();
        var handedOn = await second;

        Assert.False(third.IsCompleted);
        handedOn.Dispose();
        (await third).Dispose();
    }
}
