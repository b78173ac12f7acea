using System.Text.Json;
using Datawijs.Api.Auth;
using Datawijs.Api.Configuration;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Tenants;

namespace Datawijs.Api.Admin;

/// <summary>
/// Admin sub-commands of the API executable. They run against the configured database
/// (the same configuration as the server) and exit.
/// </summary>
public static class AdminCli
{
    public const string Usage = """
        Usage: Datawijs.Api [command]
          (no command)                                   run the API
          migrate                                        apply database migrations
          tenants add <slug> --name "<name>"             add a tenant (idempotent)
          clients add --tenant <slug> --scopes <list|*> [--name "<name>"] [--json]
                                                         add a client; prints its id and secret once
          clients list --tenant <slug>                   list a tenant's clients (never secrets)
          clients revoke <clientId>                      revoke a client
          audit verify [--tenant <slug>]                 walk the access log's hash chains (read only); exit 1
                                                         naming the first broken entry, 0 with a summary
          openapi [<file>]                               write the OpenAPI document (stdout or file)
        Scopes: 
        """ + "scans:read, scans:write, profiles:manage, assignments:write, objections:review, or *";

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Commands = ["migrate", "tenants", "clients", "audit", "openapi", "help", "--help", "-h"];

    /// <summary>
    /// A first argument that is not an option (--urls ...) or a key=value setting is a command;
    /// an unknown one is refused rather than starting the server by surprise.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            return args switch
            {
                ["migrate"] => Migrate(services, stdout, stderr),
                ["tenants", "add", var slug, .. var rest] => await AddTenantAsync(services, slug, rest, stdout, stderr),
                ["clients", "add", .. var rest] => await AddClientAsync(services, rest, stdout, stderr),
                ["clients", "list", .. var rest] => await ListClientsAsync(services, rest, stdout, stderr),
                ["clients", "revoke", var clientId] => await RevokeClientAsync(services, clientId, stdout, stderr),
                ["audit", "verify"] => await VerifyAuditAsync(services, null, stdout, stderr),
                ["audit", "verify", "--tenant", var slug] => await VerifyAuditAsync(services, slug, stdout, stderr),
                ["help" or "--help" or "-h"] => Help(stdout),
                _ => Fail(stderr, "Unknown or incomplete command.\n" + Usage),
            };
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            return Fail(stderr, "error: " + ex.Message);
        }
    }

    private static int Migrate(IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var result = MigrationRunner.Run(services.GetRequiredService<DatabaseOptions>());
        if (!result.Successful)
        {
            return Fail(stderr, "Migration failed: " + result.Error);
        }

        stdout.WriteLine(result.Applied.Count == 0 ? "Database is up to date." : "Applied: " + string.Join(", ", result.Applied));
        return 0;
    }

    /// <summary>Writes the served contract, indented, as it is checked in at openapi/openapi.json.</summary>
    public static async Task<int> WriteOpenApiAsync(string document, string? file, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(document).RootElement, PrettyJson) + "\n";
        if (file is null)
        {
            await stdout.WriteAsync(pretty);
        }
        else
        {
            await File.WriteAllTextAsync(file, pretty);
            stdout.WriteLine("Wrote " + Path.GetFullPath(file));
        }

        return 0;
    }

    private static async Task<int> AddTenantAsync(IServiceProvider services, string slug, string[] rest, TextWriter stdout, TextWriter stderr)
    {
        var name = Option(rest, "--name");
        if (!TenantAdministration.IsValidSlug(slug))
        {
            return Fail(stderr, "The slug must be lowercase letters, digits and hyphens (1-64), e.g. 'utrecht'.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Fail(stderr, "Give the tenant's name: tenants add <slug> --name \"<name>\" (at most 200 characters).");
        }

        EnsureMigrated(services);
        var (tenant, created) = await services.GetRequiredService<TenantAdministration>().AddTenantAsync(slug, name.Trim());
        stdout.WriteLine(created ? $"Added tenant '{tenant.Slug}' ({tenant.Name})." : $"Tenant '{tenant.Slug}' already exists ({tenant.Name}); nothing changed.");
        return 0;
    }

    private static async Task<int> AddClientAsync(IServiceProvider services, string[] rest, TextWriter stdout, TextWriter stderr)
    {
        var slug = Option(rest, "--tenant");
        var scopeList = Option(rest, "--scopes");
        var name = Option(rest, "--name");
        var asJson = rest.Contains("--json");
        if (string.IsNullOrWhiteSpace(slug) || string.IsNullOrWhiteSpace(scopeList))
        {
            return Fail(stderr, "Usage: clients add --tenant <slug> --scopes <comma list or *> [--name \"<name citizens read>\"] [--json]");
        }

        if (name is not null && (name.Trim().Length is 0 or > 200 || name.Any(Validation.DisplayText.IsUnsafe)))
        {
            return Fail(stderr, "--name is 1 to 200 printable characters: the application's name as citizens read it.");
        }

        var (scopes, unknown) = Scopes.Parse(scopeList);
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            return Fail(stderr, "Unknown scope(s): " + string.Join(", ", unknown) + ". Known: " + string.Join(", ", Scopes.Known) + ", or *.");
        }

        EnsureMigrated(services);
        var tenant = await services.GetRequiredService<TenantRepository>().FindBySlugAsync(slug);
        if (tenant is null)
        {
            return Fail(stderr, $"No tenant '{slug}'. Add it first: tenants add {slug} --name \"...\"");
        }

        var client = await services.GetRequiredService<TenantAdministration>().AddClientAsync(tenant, scopes, name);
        if (asJson)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { tenant = client.TenantSlug, clientId = client.ClientId, secret = client.Secret }));
        }
        else
        {
            stdout.WriteLine($"Client for tenant '{client.TenantSlug}' with scopes {string.Join(' ', client.Scopes)}:");
            stdout.WriteLine("  client id: " + client.ClientId);
            stdout.WriteLine("  secret   : " + client.Secret);
            stdout.WriteLine("Store the secret now: it is shown only once.");
        }

        return 0;
    }

    private static async Task<int> ListClientsAsync(IServiceProvider services, string[] rest, TextWriter stdout, TextWriter stderr)
    {
        var slug = Option(rest, "--tenant");
        if (string.IsNullOrWhiteSpace(slug))
        {
            return Fail(stderr, "Usage: clients list --tenant <slug>");
        }

        EnsureMigrated(services);
        var repository = services.GetRequiredService<TenantRepository>();
        var tenant = await repository.FindBySlugAsync(slug);
        if (tenant is null)
        {
            return Fail(stderr, $"No tenant '{slug}'.");
        }

        var clients = await repository.ListClientsAsync(tenant.Id);
        stdout.WriteLine($"{"client id",-30} {"created (UTC)",-20} {"status",-8} {"scopes",-40} name");
        foreach (var client in clients)
        {
            stdout.WriteLine($"{client.ClientId,-30} {client.CreatedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {(client.RevokedAt is null ? "active" : "revoked"),-8} {client.Scopes,-40} {client.Name}");
        }

        return 0;
    }

    private static async Task<int> RevokeClientAsync(IServiceProvider services, string clientId, TextWriter stdout, TextWriter stderr)
    {
        EnsureMigrated(services);
        var repository = services.GetRequiredService<TenantRepository>();
        var client = await repository.FindClientAsync(clientId);
        if (client is null)
        {
            return Fail(stderr, $"No client '{clientId}'.");
        }

        if (client.RevokedAt is not null)
        {
            stdout.WriteLine($"Client '{clientId}' was already revoked.");
            return 0;
        }

        await repository.RevokeClientAsync(clientId, services.GetRequiredService<TimeProvider>().GetUtcNow());
        var cacheSeconds = services.GetRequiredService<AuthSettings>().ClientCacheSeconds;
        stdout.WriteLine(cacheSeconds == 0
            ? $"Revoked client '{clientId}'. Its tokens are refused from now on."
            : $"Revoked client '{clientId}'. Running API processes refuse its tokens within {Math.Min(cacheSeconds, (int)Caching.ChangeWatch.Bound.TotalSeconds)} s.");
        return 0;
    }

    /// <summary>
    /// Walks the hash chain of every tenant's access log (or one tenant's). Exit 0 with one summary line
    /// when every chain is intact; exit 1 with one line naming the first broken entry (tenant, entry id,
    /// position, what is wrong); exit 2 when the command cannot run. It only reads: it never migrates or
    /// creates the database it checks (a database it made itself would always look intact).
    /// </summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string? slug, TextWriter stdout, TextWriter stderr)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite && SqliteConnectionStrings.FilePath(options.ConnectionString) is { } file && !File.Exists(file))
        {
            return Fail(stderr, $"No database at {file}: nothing to verify.");
        }

        var tenants = services.GetRequiredService<TenantRepository>();
        var log = services.GetRequiredService<Data.AccessLog.AccessLogRepository>();
        if (!await log.HasChainTablesAsync())
        {
            return Fail(stderr, "Not a Datawijs database or not migrated: it has no access log with hash chains to verify.");
        }

        List<Guid> tenantIds;
        if (slug is not null)
        {
            var tenant = await tenants.FindBySlugAsync(slug);
            if (tenant is null)
            {
                return Fail(stderr, $"No tenant '{slug}'.");
            }

            tenantIds = [tenant.Id];
        }
        else
        {
            tenantIds = [.. await log.ListTenantsAsync()];
        }

        long chained = 0, preHistory = 0, unsealed = 0;
        string? head = null;
        foreach (var tenantId in tenantIds.Order())
        {
            var report = await log.VerifyAsync(tenantId);
            if (report.Break is { } broken)
            {
                var name = (await tenants.FindByIdAsync(tenantId))?.Slug ?? "?";
                stdout.WriteLine($"Access log BROKEN: tenant '{name}' ({tenantId}), entry {broken.EntryId?.ToString() ?? "(none)"}, position {broken.Position}: {broken.Reason}.");
                return 1;
            }

            chained += report.ChainedEntries;
            preHistory += report.PreHistoryEntries;
            unsealed += report.PreHistorySealed ? 0 : report.PreHistoryEntries;
            head = report.HeadHash;
        }

        var before = preHistory == 0 ? "" : $", {preHistory} from before the chain" + (unsealed == 0 ? "" : $" ({unsealed} not yet sealed)");
        stdout.WriteLine(slug is null
            ? $"Access log intact: {tenantIds.Count} tenant(s), {chained} chained entries{before}."
            : $"Access log of '{slug}' intact: {chained} chained entries{before}; head {head ?? "(none yet)"}.");
        return 0;
    }

    private static void EnsureMigrated(IServiceProvider services)
    {
        var result = MigrationRunner.Run(services.GetRequiredService<DatabaseOptions>());
        if (!result.Successful)
        {
            throw new InvalidOperationException("Migration failed: " + result.Error);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }
}
