using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Configuration;
using Datawijs.Api.Demo;
using Datawijs.Api.Features.Assignments;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data;
using Datawijs.Domain.Privacy;
using FastEndpoints;
using Scalar.AspNetCore;

namespace Datawijs.Api.Startup;

/// <summary>Registers the services and builds the request pipeline of the API.</summary>
public static class ApiHost
{
    public static void AddServices(WebApplicationBuilder builder, StartupConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        var json = JsonDefaults.Create();

        services.AddSingleton(configuration);
        services.AddSingleton(configuration.Auth);
        services.AddSingleton(configuration.RateLimiting);
        services.AddSingleton(configuration.Limits);
        services.AddSingleton(configuration.Benchmarks.Thresholds());
        services.AddSingleton(configuration.Fairness);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new KeyRing(configuration.MasterKey));
        services.AddSingleton<ClientSecrets>();
        services.AddSingleton(configuration.Caches);
        services.AddSingleton<Caching.ChangeWatch>();
        services.AddSingleton<Caching.ApiCache>();
        services.AddSingleton<KnownClients>();
        services.AddSingleton<VerifiedTokens>();
        services.AddDatawijsData(configuration.Database);
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoProfiles>();
        services.AddSingleton<DemoCitizen>();
        services.AddSingleton<DemoMaturity>();
        services.AddSingleton<Features.Datasets.RecordUploader>();
        services.AddSingleton(configuration.Uploads);
        services.AddSingleton<Features.Datasets.UploadGate>();
        services.AddSingleton(configuration.Idempotency);
        services.AddSingleton(configuration.Clustering);
        services.AddSingleton<Features.Clusterings.ClusteringInstance>();
        services.AddSingleton<Features.Clusterings.ClusteringSignals>();
        services.AddSingleton<Features.Clusterings.ClusteringRunner>();
        services.AddSingleton<AccessLogWriter>();
        services.AddSingleton<Features.Citizen.CitizenRecords>();
        services.AddSingleton<AssignmentReads>();
        services.AddSingleton<Features.ProfileSets.PublicationChecks>();
        services.AddSingleton<Features.ProfileSets.OutflowAnalysis>();
        services.AddSingleton<Features.ProfileSets.ProfileSetPublication>();
        services.AddSingleton<Features.ProfileSets.IPublishedProfileSetReader, Features.ProfileSets.StoredPublishedProfileSets>();
        services.AddSingleton<Features.Scans.StoredScores>();
        services.AddSingleton<Features.Public.PublishedSets>();

        services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        // Registered before AddProblemDetails, so that every problem is written in the contract's shape.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Complete);
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddRequestLocalization(RequestLanguage.Configure);
        services.AddHealthChecks()
            .AddCheck<Features.Health.DatabaseHealthCheck>(Features.Health.DatabaseHealthCheck.Name,
                tags: [Features.Health.DatabaseHealthCheck.ReadyTag], timeout: Features.Health.DatabaseHealthCheck.Timeout);
        services.AddAuthentication(ZgwAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ZgwAuthenticationHandler>(ZgwAuthenticationHandler.SchemeName, null)
            .AddCitizenTokens(configuration.CitizenIssuers);
        services.AddSingleton<Auth.Citizens.CitizenTenants>();
        services.AddSingleton<Auth.Citizens.CitizenLookups>();
        services.AddAuthorization();
        services.AddDatawijsRateLimiting(configuration.RateLimiting);
        services.AddRequestTimeouts(o =>
        {
            if (configuration.Limits.RequestTimeoutSeconds > 0)
            {
                o.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
                {
                    Timeout = TimeSpan.FromSeconds(configuration.Limits.RequestTimeoutSeconds),
                    TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                    WriteTimeoutResponse = context => Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "request-timeout",
                        $"The request took longer than {configuration.Limits.RequestTimeoutSeconds} seconds and was stopped. Try again later."),
                };
            }
        });
        services.AddFastEndpoints(o => o.Assemblies = [typeof(ApiHost).Assembly]);
        services.AddDatawijsOpenApi(json);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = configuration.Limits.MaxRequestBodyBytes;
            // Twice the API's own limit: ConventionsMiddleware answers 431 as problem+json up to here;
            // beyond it Kestrel refuses the request before any middleware runs.
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * LimitsSettings.MaxRequestHeadersBytes;
        });
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    public static void UsePipeline(WebApplication app, StartupConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configuration);
        app.UseMiddleware<ConventionsMiddleware>();
        app.UseStatusCodePages();
        app.UseExceptionHandler();
        app.UseMiddleware<PublicCorsMiddleware>();
        app.UseSwagger(o =>
        {
            o.RouteTemplate = OpenApiSetup.RouteTemplate;
            o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
        });
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseMiddleware<BodySizeMiddleware>();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        if (configuration.RateLimiting.PermitsPerSecond > 0)
        {
            app.UseRateLimiter();
        }

        app.UseAuthorization();
        // After authentication: a caller without a valid token learns 401, not which media types an operation takes.
        app.UseMiddleware<ContentNegotiationMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        // Messages name a field as it is sent ('subjectId'), not as FluentValidation splits it ('Subject Id').
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        // Validation reasons are English whatever language request localization chose for the response's text.
        FluentValidation.ValidatorOptions.Global.LanguageManager.Enabled = false;
        // The interactive reference of the contract (Scalar), from the package's own assets: no CDN, fonts or telemetry.
        app.MapScalarApiReference(OpenApiSetup.ReferencePath, o => o
            .WithTitle("Datawijs API reference")
            .WithOpenApiRoutePattern(OpenApiSetup.DocumentPath)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            .HideDeveloperTools()
            .WithNonce())
            .ExcludeFromDescription();
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api/v1";
            c.Endpoints.ShortNames = false;
            JsonDefaults.Configure(c.Serializer.Options);
            c.Errors.ContentType = Problems.ContentType;
            c.Errors.ResponseBuilder = Problems.FromValidationFailures;
            c.Errors.ProducesMetadataType = typeof(Problem);
            c.Security.ScopeClaimType = ClaimNames.Scope;
            c.Binding.UsePropertyNamingPolicy = true;
            c.Binding.JsonExceptionTransformer = BindingProblems.FromJsonException;
            c.Binding.FailureMessage = BindingProblems.FailureMessage;
        });
    }
}
