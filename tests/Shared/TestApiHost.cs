using System.Security.Cryptography;
using Datawijs.Api.Admin;
using Datawijs.Api.Auth;
using Datawijs.Api.Startup;
using Datawijs.Data.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Tests.Shared;

/// <summary>
/// The real API (same pipeline, same SQLite provider) on an in-memory test server, with its own
/// database file and master key. Shared by the tests of one class.
/// </summary>
public sealed class TestApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private readonly string _connectionString;

    private static int _citizenTenants;

    private TestApiHost(WebApplication app, string directory, string connectionString, TestBroker broker)
    {
        _app = app;
        _directory = directory;
        _connectionString = connectionString;
        Broker = broker;
        Server = app.GetTestServer();
    }

    /// <summary>The citizens' broker the host trusts (a JWKS file), for the tenants of <see cref="TestBroker.Tenants"/>.</summary>
    public TestBroker Broker { get; }

    public TestServer Server { get; }

    public IServiceProvider Services => _app.Services;

    public string DatabasePath => Path.Combine(_directory, "datawijs.db");

    /// <param name="connectionOptions">Appended to the SQLite connection string, e.g. <c>Default Timeout=1</c>.</param>
    public static async Task<TestApiHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? overrideServices = null, string? connectionOptions = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "datawijs.db")}" + (connectionOptions is null ? "" : ";" + connectionOptions),
            ["Pseudonymisation:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["RateLimiting:PermitsPerSecond"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var broker = TestBroker.Create(directory);
        if (settings?.Keys.Any(k => k.StartsWith("Citizen:", StringComparison.Ordinal)) != true)
        {
            foreach (var (key, value) in broker.Settings())
            {
                configuration[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var (built, problems) = DatawijsApplication.Build(["--environment=Testing"], forCommand: false, builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.WebHost.UseTestServer();
        }, overrideServices);
        if (built is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        if (!DatawijsApplication.Prepare(built, Console.Error))
        {
            throw new InvalidOperationException("Migrations failed.");
        }

        await built.App.StartAsync();
        return new TestApiHost(built.App, directory, configuration["Database:ConnectionString"]!, broker);
    }

    public HttpClient CreateHttpClient()
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri("http://localhost");
        return client;
    }

    /// <summary>A client that sends a token of <paramref name="issued"/>, signed now.</summary>
    public HttpClient CreateHttpClient(IssuedClient issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var client = CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", ZgwToken.Create(issued.ClientId, issued.Secret, DateTimeOffset.UtcNow));
        return client;
    }

    /// <summary>A tenant whose citizens the test broker identifies, not handed out before in this test run.</summary>
    public static string CitizenTenant()
    {
        var n = Interlocked.Increment(ref _citizenTenants);
        return "citizens-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An HTTP client that sends the citizen's token from the tenant's broker, as a portal forwards it.</summary>
    public HttpClient CreateCitizenHttpClient(string tenant, string bsn)
    {
        var client = CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Broker.Token(tenant, bsn));
        return client;
    }

    /// <summary>A tenant (created if new) and a fresh client of it with the given scopes.</summary>
    public async Task<IssuedClient> AddClientAsync(string tenantSlug, params string[] scopes)
    {
        var administration = Services.GetRequiredService<TenantAdministration>();
        var (tenant, _) = await administration.AddTenantAsync(tenantSlug, "Test tenant " + tenantSlug);
        return await administration.AddClientAsync(tenant, scopes.Length == 0 ? Scopes.Known : scopes);
    }

    /// <summary>Rows of a table whose column holds the id: to check that nothing was left behind.</summary>
    public Task<long> CountRowsAsync(string table, string column, Guid id) => CountRowsAsync(_connectionString, table, column, id);

    /// <summary>Rows of a table whose column holds the id, in the SQLite database the connection string names.</summary>
    public static async Task<long> CountRowsAsync(string connectionString, string table, string column, Guid id)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the tests themselves
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {column} = $id";
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stored records of the dataset, plus any left without a dataset: to check that nothing was left behind.</summary>
    public Task<long> CountRecordsAsync(Guid datasetId) => CountRecordsAsync(_connectionString, datasetId);

    /// <summary>Stored records of the dataset, plus any left without a dataset, in the SQLite database the connection string names.</summary>
    public static async Task<long> CountRecordsAsync(string connectionString, Guid datasetId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT IFNULL(SUM(b.row_count), 0) FROM dataset_record_blocks b
            WHERE b.dataset_key = (SELECT d.record_key FROM datasets d WHERE d.id = $id)
               OR NOT EXISTS (SELECT 1 FROM datasets d WHERE d.record_key = b.dataset_key)
            """;
        command.Parameters.AddWithValue("$id", datasetId.ToString("D"));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Changes the database behind the API's back, e.g. to simulate a crash mid-job.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL comes from the tests themselves
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    public Task<TenantRow?> FindTenantAsync(string slug) => Services.GetRequiredService<TenantRepository>().FindBySlugAsync(slug);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Broker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
    }
}
