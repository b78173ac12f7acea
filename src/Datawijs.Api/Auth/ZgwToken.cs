using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Datawijs.Api.Auth;

/// <summary>
/// Reads and checks a ZGW-style JWT: HS256 only (alg "none" and every other algorithm are
/// refused, so no key confusion is possible), signed with the client's secret, with an
/// <c>iat</c> no older than the window and not from the future beyond the clock skew; an
/// <c>exp</c> or <c>nbf</c>, when present, is honoured too.
/// </summary>
public static class ZgwToken
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    private const int MaxTokenLength = 8 * 1024;

    /// <summary>Step 1: parse without trusting anything, to learn which client claims to sign.</summary>
    public static ParsedToken? Parse(string token, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            error = "The token is empty or too long.";
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            error = "The token is not a signed JWT (header.payload.signature).";
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg)
                || alg.ValueKind != JsonValueKind.String
                || alg.GetString() != "HS256")
            {
                error = "The token must be signed with HS256.";
                return null;
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The token payload is not a JSON object.";
                return null;
            }

            var clientId = ReadString(root, "client_id") ?? ReadString(root, "iss");
            if (string.IsNullOrWhiteSpace(clientId))
            {
                error = "The token names no client (client_id or iss).";
                return null;
            }

            var issuedAt = ReadInstant(root, "iat");
            if (issuedAt is null)
            {
                error = "The token has no valid iat.";
                return null;
            }

            var claims = new ZgwClaims(
                clientId,
                issuedAt.Value,
                ReadInstant(root, "exp"),
                ReadInstant(root, "nbf"),
                ReadString(root, "user_id"),
                ReadString(root, "user_representation"));
            if (root.TryGetProperty("exp", out _) && claims.Expires is null)
            {
                error = "The token has an invalid exp.";
                return null;
            }

            return new ParsedToken(claims, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            error = "The token is malformed.";
            return null;
        }
    }

    /// <summary>Step 2: the signature with the client's key, and the token's age.</summary>
    public static ZgwTokenResult Verify(ParsedToken token, ReadOnlySpan<byte> key, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, token.SigningInput, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token.Signature))
        {
            return ZgwTokenResult.Fail("The token signature is invalid.");
        }

        return CheckTimes(token.Claims, now, maxAge);
    }

    /// <summary>The token's times alone (iat window, exp, nbf), for a token whose signature was verified before.</summary>
    public static ZgwTokenResult CheckTimes(ZgwClaims claims, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.IssuedAt > now + ClockSkew)
        {
            return ZgwTokenResult.Fail("The token was issued in the future (iat); check the clock.");
        }

        if (now - claims.IssuedAt > maxAge)
        {
            return ZgwTokenResult.Fail("The token has expired (iat is older than the accepted window).");
        }

        if (claims.Expires is { } expires && now > expires + ClockSkew)
        {
            return ZgwTokenResult.Fail("The token has expired (exp).");
        }

        if (claims.NotBefore is { } notBefore && now + ClockSkew < notBefore)
        {
            return ZgwTokenResult.Fail("The token is not valid yet (nbf).");
        }

        return new ZgwTokenResult(claims, null);
    }

    /// <summary>Signs a token the way a ZGW client does; used by the CLI and the demo start-up.</summary>
    public static string Create(string clientId, string secret, DateTimeOffset issuedAt, string? userId = null, string? userRepresentation = null)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var claims = new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["client_id"] = clientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
        };
        if (userId is not null)
        {
            claims["user_id"] = userId;
        }

        if (userRepresentation is not null)
        {
            claims["user_representation"] = userRepresentation;
        }

        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? ReadInstant(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (!value.TryGetDouble(out var seconds) || double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }
}
