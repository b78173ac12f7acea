using System.Reflection;
using Datawijs.Data.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Datawijs.Data.Tests;

/// <summary>
/// SQL Server cannot run on the CI machines, so every SQL Server migration and every SQL Server
/// statement in the code is parsed with Microsoft's own T-SQL parser. New statement records are
/// found by reflection: whatever implements ISqlStatements and has a static SqlServer instance.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string> Migrations() => new(MigrationRunner.ScriptNames(DatabaseProvider.SqlServer));

    public static TheoryData<string, string> Statements()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, sql) in SqlServerStatements())
        {
            data.Add(name, sql);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void Sql_server_migration_parses(string resourceName)
    {
        AssertParses(MigrationRunner.ReadScript(resourceName));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Sql_server_statement_parses(string name, string sql)
    {
        Assert.False(string.IsNullOrWhiteSpace(sql), name);
        AssertParses(sql);
    }

    [Fact]
    public void Every_dialect_record_has_both_dialects_and_the_same_migration_numbers()
    {
        var sqlite = MigrationRunner.ScriptNames(DatabaseProvider.Sqlite).Select(Number).ToList();
        var sqlServer = MigrationRunner.ScriptNames(DatabaseProvider.SqlServer).Select(Number).ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, sqlServer);
        Assert.NotEmpty(SqlServerStatements());
        foreach (var type in StatementTypes())
        {
            Assert.NotNull(type.GetField("Sqlite", BindingFlags.Public | BindingFlags.Static)?.GetValue(null));
        }
    }

    [Fact]
    public void Parser_rejects_broken_sql_so_these_tests_can_fail()
    {
        var errors = Parse("SELEC Id FRM dbo.Tenants WHERE");
        Assert.NotEmpty(errors);
    }

    private static string Number(string resourceName) => resourceName.Split('.')[^2].Split('_')[0];

    private static IEnumerable<Type> StatementTypes() =>
        typeof(ISqlStatements).Assembly.GetTypes().Where(t => typeof(ISqlStatements).IsAssignableFrom(t) && !t.IsInterface);

    private static List<(string Name, string Sql)> SqlServerStatements()
    {
        var list = new List<(string, string)>();
        foreach (var type in StatementTypes())
        {
            var instance = type.GetField("SqlServer", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? throw new InvalidOperationException($"{type.Name} has no static SqlServer instance.");
            foreach (var property in type.GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                list.Add(($"{type.Name}.{property.Name}", (string)property.GetValue(instance)!));
            }
        }

        return list;
    }

    private static void AssertParses(string sql)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + Environment.NewLine + sql);
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
