using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Client;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Datawijs API interface (and <see cref="DatawijsClient"/>) with a handler
    /// that signs a ZGW-style JWT per request. <paramref name="primaryHandler"/> replaces the
    /// network handler (e.g. a test server's).
    /// </summary>
    public static IServiceCollection AddDatawijsClient(
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

        var builder = services.AddHttpClient<DatawijsClient>()
            .ConfigureHttpClient(c => c.BaseAddress = options.BaseAddress)
            .AddHttpMessageHandler(() => new ZgwTokenHandler(options));
        if (primaryHandler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        DatawijsClient.AddApis(services);
        return services;
    }

    /// <summary>Same, from an absolute URL string.</summary>
    public static IServiceCollection AddDatawijsClient(this IServiceCollection services, string baseUrl, string clientId, string secret) =>
        services.AddDatawijsClient(new Uri(baseUrl, UriKind.Absolute), clientId, secret);
}
