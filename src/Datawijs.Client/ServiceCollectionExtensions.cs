using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Client;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Datawijs API interface with Refit's <c>AddRefitGeneratedClient&lt;T&gt;</c> (one typed HttpClient per interface from
    /// IHttpClientFactory, each with a handler that signs a ZGW-style JWT per request), and <see cref="DatawijsClient"/>
    /// over them. Returns the builders so callers can add their own handlers (retries, logging) per interface.
    /// <paramref name="primaryHandler"/> replaces the network handler (e.g. a test server's).
    /// </summary>
    public static IReadOnlyList<IHttpClientBuilder> AddDatawijsClient(
        this IServiceCollection services,
        Uri baseUrl,
        string clientId,
        string secret,
        Action<DatawijsClientOptions>? configure = null,
        Func<HttpMessageHandler>? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new DatawijsClientOptions { BaseAddress = baseUrl, ClientId = clientId, Secret = secret };
        configure?.Invoke(options);
        services.AddSingleton(options);

        var builders = DatawijsClient.AddRefitClients(services, DatawijsClient.Settings);
        foreach (var builder in builders)
        {
            builder.ConfigureHttpClient(c => c.BaseAddress = options.BaseAddress)
                .AddHttpMessageHandler(() => new ZgwTokenHandler(options));
            if (primaryHandler is not null)
            {
                builder.ConfigurePrimaryHttpMessageHandler(primaryHandler);
            }
        }

        services.AddTransient(sp => new DatawijsClient(sp));
        return builders;
    }

    /// <summary>Same, from an absolute URL string.</summary>
    public static IReadOnlyList<IHttpClientBuilder> AddDatawijsClient(this IServiceCollection services, string baseUrl, string clientId, string secret) =>
        services.AddDatawijsClient(new Uri(baseUrl, UriKind.Absolute), clientId, secret);
}
