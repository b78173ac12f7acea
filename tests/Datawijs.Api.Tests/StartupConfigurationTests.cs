using Datawijs.Api.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Datawijs.Api.Tests;

public sealed class StartupConfigurationTests
{
    /// <summary>A host environment of a given name, for reading the configuration as that environment would.</summary>
    internal sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Datawijs.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return StartupConfiguration.Read(configuration, new Environment(environment)).Problems;
    }

    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData("Clustering:LeaseSeconds", "1", "Clustering:LeaseSeconds")]
    [InlineData("Clustering:HeartbeatSeconds", "20", "Clustering:HeartbeatSeconds")]
    [InlineData("Clustering:MaxAttempts", "0", "Clustering:MaxAttempts")]
    [InlineData("Clustering:MaxOpenPerTenant", "0", "Clustering:MaxOpenPerTenant")]
    [InlineData("Uploads:MaxConcurrentPerTenant", "0", "Uploads:MaxConcurrentPerTenant")]
    [InlineData("Uploads:MaxSpoolBytes", "1000", "Uploads:MaxSpoolBytes")]
    [InlineData("Idempotency:RetentionHours", "0", "Idempotency:RetentionHours")]
    [InlineData("Caches:PollMilliseconds", "5000", "Caches:PollMilliseconds")]
    public void Bounds_and_lease_settings_out_of_range_stop_start_up_naming_the_setting(string setting, string value, string named)
    {
        var problems = Problems(new() { ["Pseudonymisation:MasterKey"] = Key, [setting] = value });

        Assert.Contains(named, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_of_the_bounds_and_leases_are_valid()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key }).Build();
        var read = StartupConfiguration.Read(configuration, new Environment("Production")).Configuration!;

        Assert.Equal((30, 5, 3, 5), (read.Clustering.LeaseSeconds, read.Clustering.HeartbeatSeconds, read.Clustering.MaxAttempts, read.Clustering.MaxOpenPerTenant));
        Assert.Equal((4, 4L << 30, 24, 500), (read.Uploads.MaxConcurrentPerTenant, read.Uploads.MaxSpoolBytes, read.Idempotency.RetentionHours, read.Caches.PollMilliseconds));
    }

    [Fact]
    public void Production_without_master_key_stops_with_a_clear_line()
    {
        var problems = Problems([]);
        Assert.Single(problems);
        Assert.Contains("Pseudonymisation:MasterKey", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_on_its_own_line()
    {
        var problems = Problems(new()
        {
            ["Database:Provider"] = "Oracle",
            ["Auth:TokenMaxAgeSeconds"] = "0",
            ["Auth:ClientCacheSeconds"] = "-1",
            ["RateLimiting:PermitsPerSecond"] = "-1",
            ["Pseudonymisation:MasterKey"] = Convert.ToBase64String(new byte[16]),
        });
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Auth:ClientCacheSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Database:Provider", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Auth:TokenMaxAgeSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RateLimiting:PermitsPerSecond", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at least 32 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Sql_server_needs_a_connection_string()
    {
        var problems = Problems(new() { ["Database:Provider"] = "SqlServer", ["Pseudonymisation:MasterKey"] = Key });
        Assert.Contains(problems, p => p.Contains("Database:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_sqlite_one_hour_and_200_per_second()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key }).Build();
        var (read, problems) = StartupConfiguration.Read(configuration, new Environment("Production"));
        Assert.Empty(problems);
        Assert.Equal(Data.Infrastructure.DatabaseProvider.Sqlite, read!.Database.Provider);
        Assert.Equal("Data Source=./data/datawijs.db", read.Database.ConnectionString);
        Assert.Equal(3600, read.Auth.TokenMaxAgeSeconds);
        Assert.Equal(5, read.Auth.ClientCacheSeconds);
        Assert.Equal(200, read.RateLimiting.PermitsPerSecond);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("twice")]
    [InlineData("2,5")]
    [InlineData("1000")]
    public void The_fairness_ratio_must_be_a_number_above_one(string ratio)
    {
        var problems = Problems(new() { ["Fairness:MaximumRatio"] = ratio, ["Pseudonymisation:MasterKey"] = Key });
        var problem = Assert.Single(problems);
        Assert.StartsWith("Fairness:MaximumRatio", problem, StringComparison.Ordinal);
        Assert.Contains(ratio, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fairness_ratio_defaults_to_two_and_can_be_set()
    {
        var defaults = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key }).Build();
        Assert.Equal(2.0, StartupConfiguration.Read(defaults, new Environment("Production")).Configuration!.Fairness.MaximumRatio);

        var set = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key, ["Fairness:MaximumRatio"] = "1.5" }).Build();
        Assert.Equal(1.5, StartupConfiguration.Read(set, new Environment("Production")).Configuration!.Fairness.MaximumRatio);
    }

    [Theory]
    [InlineData("4", null, "Benchmarks:MinimumOrganisations")]
    [InlineData(null, "2", "Benchmarks:MinimumTenants")]
    [InlineData("6", "7", "Benchmarks:MinimumTenants")]
    [InlineData("abc", null, "Benchmarks:MinimumOrganisations")]
    public void Peer_thresholds_cannot_be_set_below_five_organisations_of_three_tenants(string? organisations, string? tenants, string named)
    {
        var settings = new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key };
        if (organisations is not null)
        {
            settings["Benchmarks:MinimumOrganisations"] = organisations;
        }

        if (tenants is not null)
        {
            settings["Benchmarks:MinimumTenants"] = tenants;
        }

        Assert.Contains(Problems(settings), p => p.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Peer_thresholds_default_to_five_organisations_of_three_tenants_and_can_be_raised()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pseudonymisation:MasterKey"] = Key, ["Benchmarks:MinimumOrganisations"] = "8", ["Benchmarks:MinimumTenants"] = "4",
        }).Build();
        var (read, problems) = StartupConfiguration.Read(configuration, new Environment("Production"));
        Assert.Empty(problems);
        Assert.Equal((8, 4), (read!.Benchmarks.Thresholds().MinimumOrganisations, read.Benchmarks.Thresholds().MinimumTenants));
        var defaults = StartupConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key }).Build(), new Environment("Production")).Configuration!;
        Assert.Equal(Domain.Maturity.PeerThresholds.Default, defaults.Benchmarks.Thresholds());
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=./data/datawijs.db", "Data Source=./data/other.db")]
    [InlineData("Sqlite", "Data Source=./data/datawijs.db", "Data Source=./data/datawijs.db;Mode=Banana")]
    [InlineData("SqlServer", "Server=db;Database=datawijs;User Id=runtime;Password=x", "Server=db;Database=elsewhere;User Id=owner;Password=y")]
    [InlineData("SqlServer", "Server=db;Database=datawijs;User Id=runtime;Password=x", "Server=db2;Database=datawijs;User Id=owner;Password=y")]
    public void A_migration_connection_must_be_valid_and_name_the_same_database(string provider, string runtime, string migration)
    {
        var problems = Problems(new()
        {
            ["Database:Provider"] = provider, ["Database:ConnectionString"] = runtime, ["Database:MigrationConnectionString"] = migration,
            ["Pseudonymisation:MasterKey"] = Key,
        });
        Assert.Contains(problems, p => p.StartsWith("Database:MigrationConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void A_migration_connection_with_another_login_is_used_for_migrations_only()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=db;Database=datawijs;User Id=runtime;Password=x",
            ["Database:MigrationConnectionString"] = "Server=db;Database=datawijs;User Id=owner;Password=y",
            ["Pseudonymisation:MasterKey"] = Key,
        }).Build();
        var (read, problems) = StartupConfiguration.Read(configuration, new Environment("Production"));
        Assert.Empty(problems);
        Assert.Contains("User Id=runtime", read!.Database.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("User Id=owner", read.Database.ForMigrations, StringComparison.Ordinal);
        var without = StartupConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Key }).Build(), new Environment("Production")).Configuration!;
        Assert.Null(without.Database.MigrationConnectionString);
        Assert.Equal(without.Database.ConnectionString, without.Database.ForMigrations);
    }
}

public sealed class CitizenIssuerConfigurationTests
{
    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings)
    {
        settings["Pseudonymisation:MasterKey"] = Convert.ToBase64String(new byte[32]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return StartupConfiguration.Read(configuration, new StartupConfigurationTests.Environment("Production")).Problems;
    }

    [Fact]
    public void A_broker_needs_tenant_issuer_audience_and_exactly_one_key_source_each_named_on_its_own_line()
    {
        var problems = Problems(new()
        {
            ["Citizen:Issuers:0:Issuer"] = "https://broker.example/",
            ["Citizen:Issuers:0:Authority"] = "http://broker.example/",
            ["Citizen:Issuers:1:Tenant"] = "utrecht",
            ["Citizen:Issuers:1:Issuer"] = "https://broker.example/",
            ["Citizen:Issuers:1:Audience"] = "datawijs",
            ["Citizen:Issuers:1:Authority"] = "https://broker.example/",
            ["Citizen:Issuers:1:JwksFile"] = "/tmp/keys.json",
        });

        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:0:Tenant", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:0:Audience", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:0:Authority must be an absolute https URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:1:Issuer", StringComparison.Ordinal) && p.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:1 needs exactly one", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"keys":[{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}]}""", "not RSA or EC")]
    [InlineData("""{"keys":[]}""", "no usable public key")]
    [InlineData("not json", "is not a JWKS")]
    public void A_jwks_file_with_a_symmetric_key_no_key_or_no_json_stops_start_up(string jwks, string reason)
    {
        Assert.Contains(JwksFileProblems(jwks), p => p.StartsWith("Citizen:Issuers:0:JwksFile", StringComparison.Ordinal) && p.Contains(reason, StringComparison.Ordinal));
    }

    /// <summary>The start-up problems of one broker whose keys come from a JWKS file with this content.</summary>
    private static IReadOnlyList<string> JwksFileProblems(string jwks)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, jwks);
        try
        {
            return Problems(new()
            {
                ["Citizen:Issuers:0:Tenant"] = "utrecht",
                ["Citizen:Issuers:0:Issuer"] = "https://broker.example/",
                ["Citizen:Issuers:0:Audience"] = "datawijs",
                ["Citizen:Issuers:0:JwksFile"] = path,
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> JwksWithPrivateMembers()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var r = rsa.ExportParameters(true);
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var e = ec.ExportParameters(true);
        static string B(byte[] bytes) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);
        var rsaPublic = $"\"kty\":\"RSA\",\"kid\":\"r1\",\"n\":\"{B(r.Modulus!)}\",\"e\":\"{B(r.Exponent!)}\"";
        var ecPublic = $"\"kty\":\"EC\",\"kid\":\"e1\",\"crv\":\"P-256\",\"x\":\"{B(e.Q.X!)}\",\"y\":\"{B(e.Q.Y!)}\"";
        string Set(string key) => "{\"keys\":[{" + key + "}]}";
        return new TheoryData<string>
        {
            Set(rsaPublic + $",\"d\":\"{B(r.D!)}\""),
            Set(rsaPublic + $",\"p\":\"{B(r.P!)}\""),
            Set(rsaPublic + $",\"q\":\"{B(r.Q!)}\""),
            Set(rsaPublic + $",\"dp\":\"{B(r.DP!)}\""),
            Set(rsaPublic + $",\"dq\":\"{B(r.DQ!)}\""),
            Set(rsaPublic + $",\"qi\":\"{B(r.InverseQ!)}\""),
            Set(ecPublic + $",\"d\":\"{B(e.D!)}\""),
            Set(rsaPublic + ",\"d\":\"\""),
        };
    }

    [Theory]
    [MemberData(nameof(JwksWithPrivateMembers))]
    public void A_jwks_file_with_any_private_member_of_a_key_stops_start_up(string jwks)
    {
        Assert.Contains(JwksFileProblems(jwks), p => p.StartsWith("Citizen:Issuers:0:JwksFile", StringComparison.Ordinal) && p.Contains("private key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_jwks_file_stops_start_up_and_no_development_broker_exists_outside_development()
    {
        var problems = Problems(new()
        {
            ["Citizen:Issuers:0:Tenant"] = "utrecht",
            ["Citizen:Issuers:0:Issuer"] = "https://broker.example/",
            ["Citizen:Issuers:0:Audience"] = "datawijs",
            ["Citizen:Issuers:0:JwksFile"] = "/no/such/jwks.json",
        });
        Assert.Contains(problems, p => p.StartsWith("Citizen:Issuers:0:JwksFile: cannot read", StringComparison.Ordinal));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pseudonymisation:MasterKey"] = Convert.ToBase64String(new byte[32]) }).Build();
        var (read, none) = StartupConfiguration.Read(configuration, new StartupConfigurationTests.Environment("Production"));
        Assert.Empty(none);
        Assert.Null(read!.DevelopmentBroker);
        Assert.Empty(read.CitizenIssuers);
    }
}
