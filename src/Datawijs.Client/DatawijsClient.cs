using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Datawijs.Client;

public sealed partial class DatawijsClient
{
    /// <summary>camelCase JSON; nulls are left out so that a PATCH changes only what was set.</summary>
    public static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));

    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Type, object> _apis = new();

    /// <param name="http">An HttpClient whose BaseAddress is the API's root and whose handler signs tokens (see <see cref="Create"/>).</param>
    public DatawijsClient(HttpClient http) => _http = http;

    /// <summary>A client for scripts and tools: signs a token per request with the given credentials.</summary>
    public static DatawijsClient Create(DatawijsClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        var handler = new ZgwTokenHandler(options) { InnerHandler = innerHandler ?? new HttpClientHandler() };
#pragma warning restore CA2000
        return new DatawijsClient(new HttpClient(handler) { BaseAddress = options.BaseAddress });
    }

    /// <summary>
    /// A client for a portal's back end that calls the citizen endpoints with the citizen's own token from the
    /// municipality's broker (forwarded as it is; the API verifies it).
    /// </summary>
    public static DatawijsClient ForCitizen(Uri baseAddress, string citizenToken, HttpMessageHandler? innerHandler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(citizenToken);
        return Create(new DatawijsClientOptions { BaseAddress = baseAddress, BearerToken = citizenToken }, innerHandler);
    }

    public T Get<T>() => (T)_apis.GetOrAdd(typeof(T), _ => RestService.For<T>(_http, Settings)!);
}
