using Datawijs.Api.Admin;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Tenants;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests;

/// <summary>
/// <c>audit verify</c> against the API's own SQLite file, changed behind the API's back. Each test has a
/// host of its own, because an intruder's changes (a dropped trigger) must not reach other tests.
/// </summary>
public sealed class AuditVerifyTests : IAsyncLifetime
{
    private TestApiHost _host = null!;
    private TenantRow _tenant = null!;
    private TenantRow _other = null!;
    private readonly List<AccessLogEntryRow> _written = [];

    public async ValueTask InitializeAsync()
    {
        _host = await TestApiHost.StartAsync();
        await _host.AddClientAsync("hattem");
        await _host.AddClientAsync("heerde");
        var tenants = _host.Services.GetRequiredService<TenantRepository>();
        _tenant = (await tenants.FindBySlugAsync("hattem"))!;
        _other = (await tenants.FindBySlugAsync("heerde"))!;
        var log = _host.Services.GetRequiredService<AccessLogRepository>();
        var at = DateTimeOffset.UtcNow;
        for (var n = 0; n < 4; n++)
        {
            foreach (var tenant in new[] { _tenant, _other })
            {
                var entry = new AccessLogEntryRow
                {
                    Id = Guid.CreateVersion7(), TenantId = tenant.Id, SubjectPseudonym = "p" + n, OccurredAt = at.AddMilliseconds(n), ClientId = "zaaksysteem",
                    UserId = "u1", UserRepresentation = "A. de Vries", Activity = "profile-advice", Reason = "intake", Action = "assignment.create",
                };
                await log.AppendAsync([entry]);
                if (tenant == _tenant)
                {
                    _written.Add(entry);
                }
            }
        }
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AdminCli.RunAsync(args, _host.Services, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task An_untouched_log_verifies_with_a_one_line_summary()
    {
        var all = await RunAsync("audit", "verify");
        Assert.Equal(0, all.Code);
        Assert.Equal("Access log intact: 2 tenant(s), 8 chained entries.", all.Out.Trim());

        var one = await RunAsync("audit", "verify", "--tenant", "hattem");
        Assert.Equal(0, one.Code);
        Assert.Matches("^Access log of 'hattem' intact: 4 chained entries; head [0-9a-f]{64}\\.$", one.Out.Trim());
    }

    [Fact]
    public async Task A_changed_entry_is_named_and_the_command_fails()
    {
        var changed = _written[1];
        await _host.ExecuteSqlAsync($"DROP TRIGGER tr_access_log_no_update; UPDATE access_log SET user_representation = 'Iemand anders' WHERE id = '{changed.Id:D}';");

        var (code, output, _) = await RunAsync("audit", "verify");
        Assert.Equal(1, code);
        Assert.Equal(
            $"Access log BROKEN: tenant 'hattem' ({_tenant.Id}), entry {changed.Id}, position 2: its fields no longer match its hash (changed after it was written).",
            output.Trim());

        // The other tenant's chain is untouched.
        Assert.Equal(0, (await RunAsync("audit", "verify", "--tenant", "heerde")).Code);
    }

    [Fact]
    public async Task A_deleted_entry_is_found_and_the_command_fails()
    {
        await _host.ExecuteSqlAsync($"DROP TRIGGER tr_access_log_no_delete; DELETE FROM access_log WHERE id = '{_written[2].Id:D}';");

        var (code, output, _) = await RunAsync("audit", "verify", "--tenant", "hattem");
        Assert.Equal(1, code);
        Assert.Contains($"tenant 'hattem' ({_tenant.Id}), entry {_written[3].Id}, position 3: the entry at position 3 is missing (deleted)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tenant_or_argument_is_refused()
    {
        Assert.Equal(2, (await RunAsync("audit", "verify", "--tenant", "nergens")).Code);
        Assert.Equal(2, (await RunAsync("audit", "verify", "--all")).Code);
    }

    [Fact]
    public async Task A_missing_database_is_named_and_never_created()
    {
        var file = Path.Combine(Path.GetTempPath(), $"datawijs-absent-{Guid.NewGuid():N}.db");
        var (code, output, error) = await RunAgainstAsync($"Data Source={file}", "audit", "verify");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"No database at {file}: nothing to verify.", error.Trim());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_database_without_the_access_log_is_refused_and_left_unmigrated()
    {
        var file = Path.Combine(Path.GetTempPath(), $"datawijs-other-{Guid.NewGuid():N}.db");
        try
        {
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY)";
                create.ExecuteNonQuery();
            }

            var (code, output, error) = await RunAgainstAsync($"Data Source={file};Pooling=False", "audit", "verify");

            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal("Not a Datawijs database or not migrated: it has no access log with hash chains to verify.", error.Trim());
            using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            check.Open();
            using var tables = check.CreateCommand();
            tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
            Assert.Equal("notes", tables.ExecuteScalar());
        }
        finally
        {
            File.Delete(file);
        }
    }

    // The command with the services of a host whose database is another one.
    private static async Task<(int Code, string Out, string Err)> RunAgainstAsync(string connectionString, params string[] args)
    {
        var services = new ServiceCollection();
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString };
        services.AddSingleton(options);
        services.AddSingleton<IDbConnectionFactory>(new DbConnectionFactory(options));
        services.AddSingleton<TenantRepository>();
        services.AddSingleton<AccessLogRepository>();
        await using var provider = services.BuildServiceProvider();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AdminCli.RunAsync(args, provider, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
