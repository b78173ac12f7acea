using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Datawijs.Api.Admin;
using Datawijs.Api.Auth;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// One tenant's client with every scope, calling the in-memory API as a named (synthetic) case
/// worker, so that operations which need a person in the token (reviews, decisions) get past that check.
/// </summary>
public sealed class TenantCaller(HttpClient http, IssuedClient client, Datawijs.Tests.Shared.TestBroker? broker = null)
{
    public string Slug => client.TenantSlug;

    /// <summary>As the tenant's portal for one citizen: with the citizen's token from the tenant's broker, no client token.</summary>
    public async Task<HttpResponseMessage> SendAsCitizenAsync(string bsn, HttpMethod method, string path, HttpContent? content, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            (broker ?? throw new InvalidOperationException("This caller has no citizens' broker.")).Token(Slug, bsn));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request, ct);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwToken.Create(client.ClientId, client.Secret, DateTimeOffset.UtcNow, "medewerker-" + Slug, "Medewerker " + Slug));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request, ct);
    }

    /// <summary>Sends a JSON body (or none) and insists on the expected status: set-up steps must not silently fail.</summary>
    public async Task<JsonNode> JsonAsync(HttpMethod method, string path, JsonNode? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var content = body is null ? null : Json(body);
        return await ExpectAsync(method, path, content, expected, ct);
    }

    public async Task<JsonNode> ExpectAsync(HttpMethod method, string path, HttpContent? content, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, content, null, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Set-up of tenant {Slug}: {method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
