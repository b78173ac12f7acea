using Datawijs.Data.Infrastructure;

namespace Datawijs.Api.Hosting;

/// <summary>The configuration the host runs with, checked once at start-up.</summary>
public sealed record StartupConfiguration(
    DatabaseOptions Database,
    AuthSettings Auth,
    RateLimitingSettings RateLimiting,
    LimitsSettings Limits,
    byte[] MasterKey)
{
    /// <summary>The inequality check's settings (<c>Fairness:MaximumRatio</c>).</summary>
    public FairnessSettings Fairness { get; init; } = new();

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

        var pseudonymisation = new PseudonymisationSettings();
        configuration.GetSection(PseudonymisationSettings.Section).Bind(pseudonymisation);
        var (key, keyProblem) = MasterKeyProvider.Resolve(pseudonymisation, environment);
        if (keyProblem is not null)
        {
            problems.Add(keyProblem);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var database = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        return (new StartupConfiguration(database, auth, rateLimiting, limits, key!) { Fairness = fairness }, problems);
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
