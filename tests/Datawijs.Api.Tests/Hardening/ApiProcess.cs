using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Datawijs.Api.Admin;
using Datawijs.Api.Auth;
using Datawijs.Api.Startup;
using Datawijs.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// The built API as a real child process (<c>dotnet Datawijs.Api.dll</c>, the copy the build puts next to
/// the tests) on a free loopback port, with its own SQLite file and master key: for faults an in-memory
/// host cannot have, such as SIGKILL and SIGTERM. It can be killed and started again on the same
/// database. Disposing kills whatever still runs and removes the files, also when a test fails.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory;
    private readonly string _masterKey;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly bool _ownsDirectory;
    private Process? _process;

    private ApiProcess(string directory, string masterKey, IssuedClient client, bool ownsDirectory = true)
    {
        _directory = directory;
        _masterKey = masterKey;
        Client = client;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>
    /// A second instance on the same database file and master key (and nothing else shared), with the same
    /// settings: as several API processes behind a load balancer. Its files stay until the first is disposed.
    /// </summary>
    public ApiProcess Twin()
    {
        var twin = new ApiProcess(_directory, _masterKey, Client, ownsDirectory: false);
        foreach (var (key, value) in _settings)
        {
            twin._settings[key] = value;
        }

        return twin;
    }

    /// <summary>An extra setting (environment variable form, <c>Section__Key</c>) for the next start.</summary>
    public ApiProcess With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public IssuedClient Client { get; }

    public string DatabasePath => Path.Combine(_directory, "datawijs.db");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:1");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Not started.");

    /// <summary>What the process wrote (JSON log lines): shown when something goes wrong.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>A migrated database with one tenant and an all-scopes client; the process is not started yet.</summary>
    public static async Task<ApiProcess> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "datawijs-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var database = Path.Combine(directory, "datawijs.db");
        var (built, problems) = DatawijsApplication.Build(["--environment=Testing"], forCommand: true, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={database}",
                ["Pseudonymisation:MasterKey"] = masterKey,
            }));
        if (built is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        await using (built.App)
        {
            var migration = MigrationRunner.Run(built.Configuration.Database);
            Assert.True(migration.Successful, migration.Error);
            var administration = built.App.Services.GetRequiredService<TenantAdministration>();
            var (tenant, _) = await administration.AddTenantAsync("proces", "Synthetische gemeente");
            var client = await administration.AddClientAsync(tenant, Scopes.Known);
            // The child process must be the only one with the file open, as after a real restart.
            using (var pooled = new SqliteConnection(SqliteConnectionStrings.Normalise($"Data Source={database}")))
            {
                SqliteConnection.ClearPool(pooled);
            }

            return new ApiProcess(directory, masterKey, client);
        }
    }

    /// <summary>Starts the API and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("Already running.");
        }

        _process?.Dispose();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ApiAssembly(), "--environment", "Testing", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__ConnectionString"] = $"Data Source={DatabasePath}";
        start.Environment["Pseudonymisation__MasterKey"] = _masterKey;
        start.Environment["RateLimiting__PermitsPerSecond"] = "0";
        start.Environment["Clustering__PollIntervalMilliseconds"] = "200";
        start.Environment["Clustering__ProgressIntervalMilliseconds"] = "100";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, null);
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        if (first != listening.Task)
        {
            throw new InvalidOperationException($"The API did not start listening (exited: {process.HasExited}).{Environment.NewLine}{Output}");
        }

        BaseAddress = await listening.Task;
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!timeout.IsCancellationRequested)
            {
                // Not yet.
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("The API did not become ready." + Environment.NewLine + Output);
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A client of the API with a fresh bearer token.</summary>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ZgwToken.Create(Client.ClientId, Client.Secret, DateTimeOffset.UtcNow));
        return http;
    }

    /// <summary>SIGKILL: no shutdown code runs, as with a power cut or the OOM killer.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>SIGTERM: what a container runtime or systemd sends to stop the service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, or null when the process is still running after the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Rows in the database file itself (bypassing the API).</summary>
    public Task<long> CountRowsAsync(string table, string column, Guid id) =>
        Datawijs.Tests.Shared.TestApiHost.CountRowsAsync($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False", table, column, id);

    /// <summary>Stored records of the dataset (plus any left without a dataset) in the database file itself.</summary>
    public Task<long> CountRecordsAsync(Guid datasetId) =>
        Datawijs.Tests.Shared.TestApiHost.CountRecordsAsync($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False", datasetId);

    /// <summary>One value read from the database file itself (bypassing the API).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Changes the database file directly (bypassing the API), as another instance or an operator would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=30");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            catch (InvalidOperationException)
            {
                // It had already gone.
            }

            process.Dispose();
        }

        try
        {
            if (_ownsDirectory)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static string ApiAssembly()
    {
        // The test project references the API, so the build copies it (with its runtimeconfig) next to the tests.
        var path = Path.Combine(AppContext.BaseDirectory, "Datawijs.Api.dll");
        if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"The built API is not at {path}; build the test project first.");
        }

        return path;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private void Collect(string? line, TaskCompletionSource<Uri>? listening)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (listening is not null && ListeningOn().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
