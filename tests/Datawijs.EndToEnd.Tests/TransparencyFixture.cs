using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Datawijs.Client;
using Datawijs.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// The real API with a stand-in for the published profile sets and a log sink that keeps every
/// log line (at Debug). It remembers every raw subject id the tests used; when the whole class is
/// done it checks that none of them is in the database files or the logs, and fails the run if one is.
/// </summary>
public sealed class TransparencyFixture : IAsyncLifetime
{
    public const string ContactEmail = "privacy@voorbeeldstad.example";

    private readonly ConcurrentBag<string> _subjectIds = [];

    public TestApiHost Host { get; private set; } = null!;

    public TestProfileSets ProfileSets { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Host = await TestApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:Console:LogLevel:Default"] = "Warning",
                ["Transparency:ContactEmail"] = ContactEmail,
            },
            services =>
            {
                services.AddSingleton<IPublishedProfileSetReader>(ProfileSets);
                services.AddSingleton<ILoggerProvider>(Logs);
            });
    }

    public async ValueTask DisposeAsync()
    {
        var leaks = Leaks();
        await Host.DisposeAsync();
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException("Raw subject ids were found after the suite: " + string.Join("; ", leaks));
        }
    }

    /// <summary>A fresh BSN (9 digits starting with 9, or with 0, that pass the eleven-test), remembered for the leak check.</summary>
    public string NewSubjectId(bool leadingZero = false)
    {
        string id;
        do
        {
            id = (leadingZero ? "0" : "9") + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (!Datawijs.Domain.Privacy.SubjectIds.PassesElevenTest(id));

        _subjectIds.Add(id);
        return id;
    }

    public async Task<(DatawijsClient Client, Guid TenantId)> ClientAsync(string tenant, string? userId, string? userRepresentation, params string[] scopes)
    {
        var issued = await Host.AddClientAsync(tenant, scopes);
        var client = DatawijsClient.Create(
            new DatawijsClientOptions { BaseAddress = new Uri("http://localhost"), ClientId = issued.ClientId, Secret = issued.Secret },
            Host.Server.CreateHandler());

        // As a case-management system does: one client per application, the person chosen per call.
        return (userId is null ? client : client.As(userId, userRepresentation), (await Host.FindTenantAsync(tenant))!.Id);
    }

    /// <summary>The generated client as a portal uses it for one citizen: with the citizen's token from the tenant's broker.</summary>
    public DatawijsClient Citizen(string tenant, string bsn) =>
        DatawijsClient.ForCitizen(new Uri("http://localhost"), Host.Broker.Token(tenant, bsn), Host.Server.CreateHandler());

    /// <summary>The generated client without credentials, for the public endpoints.</summary>
    public DatawijsClient Anonymous() => new(Host.CreateHttpClient());

    /// <summary>Where each raw subject id used so far still appears: database file, its WAL and shared memory, and the logs.</summary>
    public IReadOnlyList<string> Leaks() => _subjectIds.SelectMany(Find).ToList();

    /// <summary>Where a text appears (UTF-8 or UTF-16) in the database files and the logs.</summary>
    public IReadOnlyList<string> Find(string text)
    {
        var found = new List<string>();
        var utf8 = Encoding.UTF8.GetBytes(text);
        var utf16 = Encoding.Unicode.GetBytes(text);
        foreach (var file in new[] { Host.DatabasePath, Host.DatabasePath + "-wal", Host.DatabasePath + "-shm" }.Where(File.Exists))
        {
            var bytes = Read(file);
            if (bytes.AsSpan().IndexOf(utf8) >= 0 || bytes.AsSpan().IndexOf(utf16) >= 0)
            {
                found.Add($"{text} in {Path.GetFileName(file)}");
            }
        }

        if (Logs.Text().Contains(text, StringComparison.Ordinal))
        {
            found.Add($"{text} in the logs");
        }

        return found;
    }

    public IReadOnlyList<string> DatabaseFiles() =>
        new[] { Host.DatabasePath, Host.DatabasePath + "-wal" }.Where(File.Exists).ToList();

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Keeps every log line of the API, so a test can look for what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public int Count => _lines.Count;

    public string Text() => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
