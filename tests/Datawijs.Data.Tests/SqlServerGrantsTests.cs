using Datawijs.Data.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Datawijs.Data.Tests;

/// <summary>
/// db-migrations/sqlserver-grants/runtime-login.sql: parsed with Microsoft's T-SQL parser like the
/// migrations, and read for what it must say: the runtime role may only INSERT and SELECT the access log,
/// may not delete chain heads, and may change no schema (so it cannot drop or disable the triggers).
/// </summary>
public sealed class SqlServerGrantsTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sqlserver-grants", "runtime-login.sql"));

    private static TSqlScript Parsed()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(Script);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
        return (TSqlScript)fragment;
    }

    private static List<T> Statements<T>()
        where T : TSqlStatement => Parsed().Batches.SelectMany(b => b.Statements).OfType<T>().ToList();

    private static string Target(SecurityStatement statement) =>
        statement.SecurityTargetObject is null
            ? "database"
            : statement.SecurityTargetObject.ObjectKind + ":" + string.Join('.', statement.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers.Select(i => i.Value));

    private static IEnumerable<string> Permissions(SecurityStatement statement) =>
        statement.Permissions.Select(p => string.Join(' ', p.Identifiers.Select(i => i.Value.ToUpperInvariant())));

    private static HashSet<string> Denied(string target) =>
        Statements<DenyStatement>().Where(d => Target(d) == target && d.Principals.Any(p => p.Identifier?.Value == "datawijs_runtime_role"))
            .SelectMany(Permissions).ToHashSet();

    [Fact]
    public void The_runtime_login_script_parses()
    {
        Assert.NotEmpty(Parsed().Batches);
    }

    [Fact]
    public void The_access_log_is_only_inserted_into_and_read()
    {
        Assert.Superset(new HashSet<string> { "UPDATE", "DELETE", "ALTER", "CONTROL", "TAKE OWNERSHIP" }, Denied("Object:dbo.AccessLog"));
        Assert.Superset(new HashSet<string> { "DELETE", "ALTER", "CONTROL" }, Denied("Object:dbo.AccessLogChainHeads"));
        var grant = Assert.Single(Statements<GrantStatement>());
        Assert.Equal("Schema:dbo", Target(grant));
        Assert.Equal(["SELECT", "INSERT", "UPDATE", "DELETE"], Permissions(grant));
    }

    [Fact]
    public void The_runtime_login_can_change_no_schema_and_is_in_no_powerful_role()
    {
        Assert.Superset(new HashSet<string> { "ALTER", "CONTROL", "TAKE OWNERSHIP" }, Denied("Schema:dbo"));
        Assert.Superset(new HashSet<string> { "CREATE TABLE", "ALTER ANY SCHEMA", "ALTER ANY DATABASE DDL TRIGGER" }, Denied("database"));
        var memberships = Statements<AlterRoleStatement>().Select(r => r.Name.Value).ToList();
        Assert.Equal(["datawijs_runtime_role"], memberships);
        // Nor through the old procedure (sp_addrolemember), nor as a server role.
        Assert.Empty(Statements<ExecuteStatement>());
        Assert.Empty(Statements<AlterServerRoleStatement>());
    }

    [Fact]
    public void The_grants_are_not_applied_as_a_migration()
    {
        Assert.DoesNotContain(MigrationRunner.ScriptNames(DatabaseProvider.SqlServer), n => n.Contains("grants", StringComparison.OrdinalIgnoreCase) || n.Contains("runtime-login", StringComparison.OrdinalIgnoreCase));
    }
}
