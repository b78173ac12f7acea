using Datawijs.Api.Caching;

namespace Datawijs.Api.Auth;

/// <summary>
/// Tokens whose signature was verified, with the client they were verified for, so that a client
/// sending the same token again costs no parse and no HMAC. A remembered token counts only while
/// <see cref="KnownClients"/> hands out that same client: when it reads the client again (after its
/// cache period, or at once when that is 0), the token is verified again, so a revocation or a new
/// secret is honoured exactly as before. The token's times (iat window, exp, nbf) are checked on
/// every request. Tokens that fail are never remembered.
/// </summary>
public sealed class VerifiedTokens(ApiCache cache)
{
    // Longer tokens (long user representations) are verified each time, which bounds the memory.
    private const int MaxRememberedLength = 2048;

    /// <summary>The claims of <paramref name="token"/> and the client it was verified for, when it was.</summary>
    public bool TryGet(string token, out ZgwClaims claims, out KnownClient verifiedFor)
    {
        if (cache.TryGet<(ZgwClaims Claims, KnownClient Client)>(new TokenKey(token), out var entry))
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
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxRememberedLength)
        {
            return;
        }

        // A token weighs by its length: 2 KB of token counts as four small entries.
        cache.Keep(new TokenKey(token), (claims, client), 1 + (token.Length / 512));
    }

    private sealed record TokenKey(string Token);
}
