using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Datawijs.Client;

/// <summary>
/// Signs a fresh ZGW-style JWT (HS256 with the client secret, claims iss/client_id/iat and the
/// optional user claims) for every request, so tokens never go stale in a long-lived client. With
/// <see cref="DatawijsClientOptions.BearerToken"/> set it sends that token instead (a citizen's, on the citizen endpoints).
/// </summary>
public sealed class ZgwTokenHandler(DatawijsClientOptions options, TimeProvider? clock = null) : DelegatingHandler
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", options.BearerToken ?? CreateToken(options, _clock.GetUtcNow()));
        return base.SendAsync(request, cancellationToken);
    }

    public static string CreateToken(DatawijsClientOptions options, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new Dictionary<string, object>
        {
            ["iss"] = options.ClientId,
            ["client_id"] = options.ClientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
        };
        if (options.UserId is not null)
        {
            claims["user_id"] = options.UserId;
        }

        if (options.UserRepresentation is not null)
        {
            claims["user_representation"] = options.UserRepresentation;
        }

        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }
}
