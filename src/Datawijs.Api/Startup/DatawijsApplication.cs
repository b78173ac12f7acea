using Datawijs.Api.Admin;
using Datawijs.Api.Configuration;
using Datawijs.Api.Demo;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Api.Startup;

/// <summary>Builds the API application; Program runs it, the tests run it on a test server.</summary>
public static class DatawijsApplication
{
    public sealed record Built(WebApplication App, StartupConfiguration Configuration);

    /// <summary>
    /// Returns the application, or one line per configuration problem. <paramref name="customise"/> runs before the
    /// configuration is read; <paramref name="overrideServices"/> after the services are registered (tests replace some).
    /// </summary>
    public static (Built? Application, IReadOnlyList<string> Problems) Build(
        string[] args, bool forCommand, Action<WebApplicationBuilder>? customise = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        if (forCommand)
        {
            // Commands print results on stdout (e.g. one JSON line); logs go to stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        customise?.Invoke(builder);
        var (configuration, problems) = StartupConfiguration.Read(builder.Configuration, builder.Environment);
        if (configuration is null)
        {
            return (null, problems);
        }

        ApiHost.AddServices(builder, configuration);
        if (!forCommand)
        {
            // Background work belongs to a serving host, never to a one-off command or the contract export.
            if (builder.Configuration.GetValue(Features.Clusterings.ClusteringSettings.Section + ":WorkerEnabled", true))
            {
                builder.Services.AddHostedService<Features.Clusterings.ClusteringWorker>();
            }

            builder.Services.AddHostedService<Features.Datasets.RetentionSweeper>();
            builder.Services.AddHostedService<Caching.ChangeWatchPoller>();
        }

        builder.Services.AddSingleton<TenantAdministration>();
        overrideServices?.Invoke(builder.Services);
        return (new Built(builder.Build(), configuration), problems);
    }

    /// <summary>Applies migrations and builds the pipeline; false (with the reason on stderr) when the database cannot be migrated.</summary>
    public static bool Prepare(Built built, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(stderr);
        var (app, configuration) = built;
        var migrationLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Datawijs.Api.Migrations");
        var migration = MigrationRunner.Run(configuration.Database, message => migrationLog.LogDebug("{Migration}", message));
        if (!migration.Successful)
        {
            stderr.WriteLine("Database migration failed: " + migration.Error);
            return false;
        }

        app.Logger.LogInformation("Database {Provider} ready; {Count} migration(s) applied now.", configuration.Database.Provider, migration.Applied.Count);
        ApiHost.UsePipeline(app, configuration);
        return true;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var isCommand = AdminCli.IsCommand(args);
        var exportsContract = isCommand && args[0] == "openapi";
        var (built, problems) = Build(isCommand ? [] : args, isCommand, exportsContract ? b => b.WebHost.UseUrls("http://127.0.0.1:0") : null);
        if (built is null)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync("Configuration error: " + problem);
            }

            return 2;
        }

        var app = built.App;
        if (exportsContract)
        {
            // Export exactly what is served: start on a free loopback port, fetch, stop.
            ApiHost.UsePipeline(app, built.Configuration);
            await app.StartAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
                var document = await http.GetStringAsync(OpenApi.OpenApiSetup.DocumentPath);
                return await AdminCli.WriteOpenApiAsync(document, args.ElementAtOrDefault(1), Console.Out);
            }
            finally
            {
                await app.StopAsync();
            }
        }

        if (isCommand)
        {
            return await AdminCli.RunAsync(args, app.Services, Console.Out, Console.Error);
        }

        if (!Prepare(built, Console.Error))
        {
            return 3;
        }

        if (app.Environment.IsDevelopment())
        {
            var seeder = app.Services.GetRequiredService<DemoSeeder>();
            var (tenant, demo) = await seeder.EnsureAsync();
            if (await app.Services.GetRequiredService<DemoProfiles>().EnsureAsync(tenant.Id))
            {
                app.Logger.LogInformation("Published the demo profile set (synthetic food-bank households) at /api/v1/public/{Tenant}/profiles.", DemoSeeder.TenantSlug);
            }

            await app.Services.GetRequiredService<DemoCitizen>().EnsureAdviceAsync(tenant.Id);
            if (await app.Services.GetRequiredService<DemoMaturity>().EnsureAsync(tenant.Id))
            {
                app.Logger.LogInformation("Completed the demo maturity scans and those of {Peers} synthetic peer tenants.", DemoMaturity.PeerTenantCount);
            }

            app.Lifetime.ApplicationStarted.Register(() =>
                seeder.Print(demo, app.Urls.FirstOrDefault()?.Replace("://[::]", "://localhost", StringComparison.Ordinal) ?? "http://localhost:5080", Console.Out,
                    built.Configuration.DevelopmentBroker));
        }

        await app.RunAsync();
        return 0;
    }
}
