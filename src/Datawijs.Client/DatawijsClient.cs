using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Datawijs.Client;

/// <summary>
/// The whole contract in one object, one property per API. Made by <see cref="Create"/> for scripts, or
/// resolved from DI after <see cref="ServiceCollectionExtensions.AddDatawijsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Uri, string, string, Action{DatawijsClientOptions}?, Func{HttpMessageHandler}?)"/>.
/// <see cref="As"/> gives a view whose calls are signed for one person.
/// </summary>
public sealed partial class DatawijsClient
{
    /// <summary>camelCase JSON; nulls are left out so that a PATCH changes only what was set.</summary>
    public static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));

    private readonly Func<Type, object> _resolve;
    private readonly ActingPerson? _person;
    private readonly ConcurrentDictionary<Type, object> _apis = new();

    /// <param name="http">An HttpClient whose BaseAddress is the API's root and whose handler signs tokens (see <see cref="Create"/>).</param>
    public DatawijsClient(HttpClient http)
        : this(type => RestService.For(type, http, Settings), null)
    {
        ArgumentNullException.ThrowIfNull(http);
    }

    /// <param name="resolve">Gives the implementation of a Refit interface, e.g. from an IServiceProvider.</param>
    public DatawijsClient(IServiceProvider services)
        : this(type => services.GetService(type) ?? throw new InvalidOperationException($"{type.Name} is not registered: call services.AddDatawijsClient(...)."), null)
    {
        ArgumentNullException.ThrowIfNull(services);
    }

    private DatawijsClient(Func<Type, object> resolve, ActingPerson? person)
    {
        _resolve = resolve;
        _person = person;
    }

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

    /// <summary>The person on whose behalf calls through this view are made, or null for the options' default.</summary>
    public ActingPerson? Person => _person;

    /// <summary>
    /// The same client, but every call made through the returned view carries this person in its token
    /// (<c>user_id</c>, <c>user_representation</c>): one client serves many case workers. Cheap; make one per call or per request.
    /// </summary>
    public DatawijsClient As(string userId, string? userRepresentation = null) => As(new ActingPerson(userId, userRepresentation));

    /// <inheritdoc cref="As(string, string?)"/>
    public DatawijsClient As(ActingPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new DatawijsClient(_resolve, person);
    }

    /// <summary>The implementation of one Refit interface of the contract.</summary>
    public T Get<T>()
        where T : class =>
        (T)_apis.GetOrAdd(typeof(T), type =>
        {
            var api = (T)_resolve(type);
            return _person is null ? api : ActingProxy<T>.Wrap(api, _person);
        });
}

/// <summary>Runs each call of the wrapped API with <see cref="ActingPerson.Current"/> set, so the token handler signs for that person.</summary>
#pragma warning disable CA1852 // DispatchProxy needs a non-sealed class.
internal class ActingProxy<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private T _inner = null!;
    private ActingPerson _person = null!;

    public static T Wrap(T inner, ActingPerson person)
    {
        var proxy = Create<T, ActingProxy<T>>();
        var self = (ActingProxy<T>)(object)proxy;
        self._inner = inner;
        self._person = person;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        using (ActingPerson.Use(_person))
        {
            try
            {
                // The async method captures the person when it starts, so it stays set for the whole call.
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
