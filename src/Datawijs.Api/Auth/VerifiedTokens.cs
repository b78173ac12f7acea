using System.Collections.Concurrent;

namespace Datawijs.Api.Auth;

/// <summary>
/// Tokens whose signature was verified, with the client they were verified for, so that a client
/// sending the same token again costs no parse and no HMAC. A remembered token counts only while
/// <see cref="KnownClients"/> hands out that same client: when it reads the client again (after its
/// cache period, or at once when that is 0), the token is verified again, so a revocation or a new
/// secret is honoured exactly as before. The token's times (iat window, exp, nbf) are checked on
/// every request. Tokens that fail are never remembered.
/// </summary>
public sealed class VerifiedTokens
{
    // More distinct valid tokens than this at once means many users or clients; start afresh.
    private const int MaxRemembered = 10_000;

    // Longer tokens (long user representations) are verified each time, which bounds the memory.
    private const int MaxRememberedLength = 2048;

    private readonly ConcurrentDictionary<string, (ZgwClaims Claims, KnownClient Client)> _verified = new(StringComparer.Ordinal);

    /// <summary>The claims of <paramref name="token"/> and the client it was verified for, when it was.</summary>
    public bool TryGet(string token, out ZgwClaims claims, out KnownClient verifiedFor)
    {
        if (_verified.TryGetValue(token, out var entry))
        {
            (claims, verifiedFor) = entry;
            return true;
        }

        claims = null!;
        verifiedFor = null!;
        return false;
    }

    public void Remember(string token, ZgwClaims claims, KnownClient client)
    {
        if (token.Length > MaxRememberedLength)
        {
            return;
        }

        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }

        _verified[token] = (claims, client);
    }
}
