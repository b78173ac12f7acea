using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Datawijs.Client;

/// <summary>
/// Signs a fresh ZGW-style JWT (HS256 with the client secret, claims iss/client_id/iat and the
/// user claims of <see cref="ActingPerson.Current"/>, else of the options) for every request, so tokens never go stale in a long-lived client. With
/// <see cref="DatawijsClientOptions.BearerToken"/> set it sends that token instead (a citizen's, on the citizen endpoints).
/// </summary>
public sealed class ZgwTokenHandler(DatawijsClientOptions options, TimeProvider? clock = null) : DelegatingHandler
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", options.BearerToken ?? CreateToken(options, _clock.GetUtcNow(), ActingPerson.Current));
        return base.SendAsync(request, cancellationToken);
    }

    /// <param name="person">The person of this call; when null, <see cref="DatawijsClientOptions.UserId"/> and its representation (if set).</param>
    public static string CreateToken(DatawijsClientOptions options, DateTimeOffset issuedAt, ActingPerson? person = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new Dictionary<string, object>
        {
            ["iss"] = options.ClientId,
            ["client_id"] = options.ClientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
        };
        var userId = person is null ? options.UserId : person.UserId;
        var userRepresentation = person is null ? options.UserRepresentation : person.UserRepresentation;
        if (userId is not null)
        {
            claims["user_id"] = userId;
        }

        if (userRepresentation is not null)
        {
            claims["user_representation"] = userRepresentation;
        }

        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }
}
