using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Demo;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Api.Configuration;

/// <summary>The configuration the host runs with, checked once at start-up.</summary>
public sealed record StartupConfiguration(
    DatabaseOptions Database,
    AuthSettings Auth,
    RateLimitingSettings RateLimiting,
    LimitsSettings Limits,
    byte[] MasterKey,
    IReadOnlyList<CitizenIssuer> CitizenIssuers,
    DevelopmentBroker? DevelopmentBroker)
{
    /// <summary>The thresholds of peer figures (<c>Benchmarks:*</c>).</summary>
    public BenchmarkSettings Benchmarks { get; init; } = new();

    /// <summary>The inequality check's settings (<c>Fairness:MaximumRatio</c>).</summary>
    public FairnessSettings Fairness { get; init; } = new();

    /// <summary>The clustering worker's settings (<c>Clustering:*</c>): leases, heartbeat, the per-tenant limit.</summary>
    public Features.Clusterings.ClusteringSettings Clustering { get; init; } = new();

    /// <summary>Bounds on record uploads (<c>Uploads:*</c>).</summary>
    public Features.Datasets.UploadSettings Uploads { get; init; } = new();

    /// <summary>Idempotency records' lifetime (<c>Idempotency:RetentionHours</c>).</summary>
    public Http.IdempotencySettings Idempotency { get; init; } = new();

    /// <summary>How often the change counters are polled (<c>Caches:PollMilliseconds</c>).</summary>
    public Caching.CacheSettings Caches { get; init; } = new();

    /// <summary>Reads and validates; returns one clear line per problem instead of a half-started host.</summary>
    public static (StartupConfiguration? Configuration, IReadOnlyList<string> Problems) Read(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();

        var providerText = configuration[$"{DatabaseOptions.Section}:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            problems.Add($"Database:Provider must be Sqlite or SqlServer (got '{providerText}').");
        }

        var connectionString = configuration[$"{DatabaseOptions.Section}:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                problems.Add("Database:ConnectionString is required when Database:Provider is SqlServer.");
            }

            connectionString = DatabaseOptions.DefaultSqliteConnectionString;
        }
        else if (!IsValidConnectionString(provider, connectionString, out var reason))
        {
            problems.Add($"Database:ConnectionString is not a valid {provider} connection string: {reason}");
        }

        var migrationConnectionString = configuration[$"{DatabaseOptions.Section}:MigrationConnectionString"];
        if (string.IsNullOrWhiteSpace(migrationConnectionString))
        {
            migrationConnectionString = null;
        }
        else if (!IsValidConnectionString(provider, migrationConnectionString, out var migrationReason))
        {
            problems.Add($"Database:MigrationConnectionString is not a valid {provider} connection string: {migrationReason}");
        }
        else if (!IsSameDatabase(provider, connectionString, migrationConnectionString))
        {
            problems.Add("Database:MigrationConnectionString must name the same database as Database:ConnectionString (same server and database, or the same SQLite file); only the login may differ.");
        }

        var auth = new AuthSettings();
        configuration.GetSection(AuthSettings.Section).Bind(auth, o => o.ErrorOnUnknownConfiguration = false);
        if (auth.TokenMaxAgeSeconds is < 1 or > 86_400)
        {
            problems.Add($"Auth:TokenMaxAgeSeconds must be between 1 and 86400 (got {auth.TokenMaxAgeSeconds}).");
        }

        if (auth.ClientCacheSeconds is < 0 or > 300)
        {
            problems.Add($"Auth:ClientCacheSeconds must be between 0 and 300 (got {auth.ClientCacheSeconds}).");
        }

        var rateLimiting = new RateLimitingSettings();
        configuration.GetSection(RateLimitingSettings.Section).Bind(rateLimiting);
        if (rateLimiting.PermitsPerSecond < 0)
        {
            problems.Add($"RateLimiting:PermitsPerSecond must be 0 (off) or more (got {rateLimiting.PermitsPerSecond}).");
        }

        var limits = new LimitsSettings();
        configuration.GetSection(LimitsSettings.Section).Bind(limits);
        if (limits.MaxRequestBodyBytes < 1024)
        {
            problems.Add($"Limits:MaxRequestBodyBytes must be at least 1024 (got {limits.MaxRequestBodyBytes}).");
        }

        if (limits.RequestTimeoutSeconds < 0)
        {
            problems.Add($"Limits:RequestTimeoutSeconds must be 0 (off) or more (got {limits.RequestTimeoutSeconds}).");
        }

        var benchmarks = new BenchmarkSettings();
        var benchmarkNumbers = true;
        foreach (var (setting, set) in new (string, Action<int>)[]
        {
            ("MinimumOrganisations", v => benchmarks.MinimumOrganisations = v),
            ("MinimumTenants", v => benchmarks.MinimumTenants = v),
        })
        {
            var text = configuration[$"{BenchmarkSettings.Section}:{setting}"];
            if (text is null)
            {
                continue;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                set(value);
            }
            else
            {
                problems.Add($"{BenchmarkSettings.Section}:{setting} must be a whole number (got '{text}').");
                benchmarkNumbers = false;
            }
        }

        if (!benchmarkNumbers)
        {
            // Reported above; the ranges are checked once both are numbers.
        }
        else if (benchmarks.MinimumOrganisations is < Domain.Maturity.PeerThresholds.OrganisationsFloor or > 1000)
        {
            problems.Add($"Benchmarks:MinimumOrganisations must be between {Domain.Maturity.PeerThresholds.OrganisationsFloor} and 1000 (got {benchmarks.MinimumOrganisations}).");
        }
        else if (benchmarks.MinimumTenants < Domain.Maturity.PeerThresholds.TenantsFloor || benchmarks.MinimumTenants > benchmarks.MinimumOrganisations)
        {
            problems.Add($"Benchmarks:MinimumTenants must be between {Domain.Maturity.PeerThresholds.TenantsFloor} and Benchmarks:MinimumOrganisations ({benchmarks.MinimumOrganisations}) (got {benchmarks.MinimumTenants}).");
        }

        var fairness = new FairnessSettings();
        var ratioText = configuration[$"{FairnessSettings.Section}:MaximumRatio"];
        if (!string.IsNullOrWhiteSpace(ratioText))
        {
            if (!double.TryParse(ratioText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio)
                || Domain.Disclosure.FairnessCheckOptions.ProblemWithRatio(ratio) is not null)
            {
                problems.Add($"Fairness:MaximumRatio must be a number greater than 1 and at most 100, with a point as decimal separator (got '{ratioText}').");
            }
            else
            {
                fairness.MaximumRatio = ratio;
            }
        }

        var clustering = new Features.Clusterings.ClusteringSettings();
        configuration.GetSection(Features.Clusterings.ClusteringSettings.Section).Bind(clustering);
        problems.AddRange(clustering.Problems());

        var uploads = new Features.Datasets.UploadSettings();
        configuration.GetSection(Features.Datasets.UploadSettings.Section).Bind(uploads);
        problems.AddRange(uploads.Problems());

        var idempotency = new Http.IdempotencySettings();
        configuration.GetSection(Http.IdempotencySettings.Section).Bind(idempotency);
        problems.AddRange(idempotency.Problems());

        var caches = new Caching.CacheSettings();
        configuration.GetSection(Caching.CacheSettings.Section).Bind(caches);
        problems.AddRange(caches.Problems());

        var pseudonymisation = new PseudonymisationSettings();
        configuration.GetSection(PseudonymisationSettings.Section).Bind(pseudonymisation);
        var (key, keyProblem) = MasterKeyProvider.Resolve(pseudonymisation, environment);
        if (keyProblem is not null)
        {
            problems.Add(keyProblem);
        }

        var issuers = Datawijs.Api.Auth.Citizens.CitizenIssuers.Read(configuration, environment, problems).ToList();
        DevelopmentBroker? broker = null;
        if (environment.IsDevelopment() && problems.Count == 0)
        {
            // The demo tenant trusts a local stand-in for the broker; never outside Development.
            (broker, var brokerProblem) = DevelopmentBroker.LoadOrCreate();
            if (brokerProblem is not null)
            {
                problems.Add(brokerProblem);
            }
            else if (issuers.All(i => i.Issuer != DevelopmentBroker.Issuer))
            {
                issuers.Add(broker!.IssuerFor(DemoSeeder.TenantSlug, issuers.Count));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var database = new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrationConnectionString = migrationConnectionString };
        return (new StartupConfiguration(database, auth, rateLimiting, limits, key!, issuers, broker) { Benchmarks = benchmarks, Fairness = fairness, Clustering = clustering, Uploads = uploads, Idempotency = idempotency, Caches = caches }, problems);
    }

    private static bool IsSameDatabase(DatabaseProvider provider, string runtime, string migration)
    {
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                return string.Equals(SqliteConnectionStrings.FilePath(runtime), SqliteConnectionStrings.FilePath(migration), StringComparison.Ordinal)
                    && SqliteConnectionStrings.FilePath(runtime) is not null;
            }

            var (a, b) = (new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(runtime), new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(migration));
            return string.Equals(a.DataSource, b.DataSource, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.InitialCatalog, b.InitialCatalog, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsValidConnectionString(DatabaseProvider provider, string connectionString, out string reason)
    {
        reason = "";
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            }
            else
            {
                _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
            }

            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            reason = ex.Message;
            return false;
        }
    }
}
