using Datawijs.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Datawijs.Api.Tests;

public sealed class StartupConfigurationTests
{
    private sealed class Environment(string name) : IHostEnvironment
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
}
