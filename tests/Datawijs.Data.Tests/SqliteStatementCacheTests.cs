using Dapper;
using Datawijs.Data.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Tests;

/// <summary>A statement kept on the writer's connection stores exactly what Dapper stores.</summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    private const string Insert = "INSERT INTO rows (id, at, flag, label, note, amount) VALUES (@Id, @At, @Flag, @Label, @Note, @Amount)";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementCacheTests()
    {
        DapperSetup.EnsureConfigured();
        _connection.Open();
        _connection.Execute("CREATE TABLE rows (id TEXT PRIMARY KEY, at TEXT NOT NULL, flag INTEGER NOT NULL, label TEXT NOT NULL, note TEXT NULL, amount REAL NOT NULL)");
    }

    public void Dispose() => _connection.Dispose();

    private sealed record Row(Guid Id, DateTimeOffset At, bool Flag, string Label, string? Note, double Amount);

    private static Row Sample(string label) => new(
        Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 23, 13, 14, 15, 123, TimeSpan.FromHours(1)).AddTicks(4567), true, label, null, 1234.5);

    private List<string> Stored(Guid id) =>
        _connection.Query<string>(
            "SELECT typeof(id) || ':' || id || '|' || typeof(at) || ':' || at || '|' || typeof(flag) || ':' || flag || '|' || typeof(note) || '|' || typeof(amount) || ':' || amount FROM rows WHERE id = @id",
            new { id = id.ToString("D") }).AsList();

    [Fact]
    public async Task Kept_statements_store_the_same_text_and_types_as_Dapper()
    {
        var viaDapper = Sample("dapper");
        await SqliteStatementCache.ExecuteAsync(_connection, null, Insert, viaDapper, CancellationToken.None);
        using var cache = SqliteStatementCache.Attach(_connection);
        var kept = new[] { Sample("kept-1"), Sample("kept-2") with { Flag = false, Note = "n" } };
        foreach (var row in kept)
        {
            Assert.Equal(1, await SqliteStatementCache.ExecuteAsync(_connection, null, Insert, row, CancellationToken.None));
        }

        Assert.Equal(
            Stored(viaDapper.Id).Single().Replace(viaDapper.Id.ToString("D"), kept[0].Id.ToString("D"), StringComparison.Ordinal),
            Stored(kept[0].Id).Single());
        Assert.Equal("text:" + kept[0].Id.ToString("D") + "|text:2026-11-23T12:14:15.1234567Z|integer:1|null|real:1234.5", Stored(kept[0].Id).Single());
        Assert.Contains("integer:0", Stored(kept[1].Id).Single(), StringComparison.Ordinal);
        Assert.Equal(["dapper", "kept-1", "kept-2"], await SqliteStatementCache.QueryTextsAsync(
            _connection, null, "SELECT label FROM rows WHERE amount = @Amount ORDER BY label", new { Amount = 1234.5 }, CancellationToken.None));
    }

    [Fact]
    public async Task A_parameter_the_values_lack_is_an_error_not_a_null()
    {
        using var cache = SqliteStatementCache.Attach(_connection);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SqliteStatementCache.ExecuteAsync(_connection, null, Insert, new { Id = Guid.Empty }, CancellationToken.None));
        Assert.Contains("@At", error.Message, StringComparison.Ordinal);
    }
}
