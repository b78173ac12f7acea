using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Prepared statements kept on the SQLite writer's connection (<see cref="SqliteGroupCommit"/>).
/// <para>
/// Why: Microsoft.Data.Sqlite compiles a command's SQL for every new command, and Dapper makes a new
/// command per call, so each write paid for parsing and planning its statements again. The writer's
/// connection stays open and is used by one writer at a time, so its hot statements are compiled once
/// and then only given new values.
/// </para>
/// <para>
/// Values are bound as <see cref="DapperSetup"/> binds them (Guids as "D" text, instants as fixed-width
/// UTC text, null as NULL), so a row is stored the same either way. On any other connection, or on SQL
/// Server, the same call goes through Dapper.
/// </para>
/// </summary>
public sealed partial class SqliteStatementCache : IDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, SqliteStatementCache> Kept = [];
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, object?>> Getters = new();

    private readonly SqliteConnection _connection;
    private readonly Dictionary<(string Sql, Type Type), Statement> _statements = [];

    private SqliteStatementCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Keeps statements on <paramref name="connection"/> until the cache is disposed.</summary>
    public static SqliteStatementCache Attach(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var cache = new SqliteStatementCache(connection);
        Kept.AddOrUpdate(connection, cache);
        return cache;
    }

    /// <summary>Runs a statement that changes rows; the number of rows changed.</summary>
    public static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object param, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(param);
        if (!Kept.TryGetValue(connection, out var cache))
        {
            return connection.ExecuteAsync(new CommandDefinition(sql, param, transaction, cancellationToken: ct));
        }

        ct.ThrowIfCancellationRequested();
        return Task.FromResult(cache.Bound(sql, param, transaction).ExecuteNonQuery());
    }

    /// <summary>Runs a query of one text column.</summary>
    public static async Task<List<string>> QueryTextsAsync(DbConnection connection, DbTransaction? transaction, string sql, object param, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(param);
        if (!Kept.TryGetValue(connection, out var cache))
        {
            return (await connection.QueryAsync<string>(new CommandDefinition(sql, param, transaction, cancellationToken: ct))).AsList();
        }

        ct.ThrowIfCancellationRequested();
        var texts = new List<string>();
        using var reader = cache.Bound(sql, param, transaction).ExecuteReader();
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public void Dispose()
    {
        Kept.Remove(_connection);
        foreach (var statement in _statements.Values)
        {
            statement.Command.Dispose();
        }

        _statements.Clear();
    }

    private SqliteCommand Bound(string sql, object param, DbTransaction? transaction)
    {
        var type = param.GetType();
        if (!_statements.TryGetValue((sql, type), out var statement))
        {
            statement = Prepare(sql, type);
            _statements[(sql, type)] = statement;
        }

        statement.Command.Transaction = (SqliteTransaction?)transaction;
        foreach (var (parameter, get) in statement.Values)
        {
            parameter.Value = ToSqlite(get(param));
        }

        return statement.Command;
    }

    private Statement Prepare(string sql, Type type)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<(SqliteParameter, Func<object, object?>)>();
        foreach (var name in ParameterNames().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
            values.Add((parameter, Getters.GetOrAdd((type, name), key => Getter(key.Type, key.Name))));
        }

        return new Statement(command, values);
    }

    private static Func<object, object?> Getter(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new InvalidOperationException($"The statement uses @{name}, which {type.Name} does not have.");
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString("D"),
        DateTimeOffset instant => DapperSetup.ToSqliteText(instant),
        Enum => throw new InvalidOperationException("Bind enums as text or numbers explicitly."),
        _ => value,
    };

    [GeneratedRegex(@"(?<![@\w])@(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNames();

    private sealed record Statement(SqliteCommand Command, IReadOnlyList<(SqliteParameter Parameter, Func<object, object?> Get)> Values);
}
