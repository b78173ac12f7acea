using System.Security.Claims;
using System.Text.Encodings.Web;
using Datawijs.Api.Configuration;
using Datawijs.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Datawijs.Api.Auth;

public sealed class ZgwAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KnownClients clients,
    VerifiedTokens verified,
    AuthSettings settings,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ZgwJwt";
    private const string FailureKey = "datawijs.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must be 'Bearer <jwt>'.");
        }

        var token = header["Bearer ".Length..].Trim();
        var maxAge = TimeSpan.FromSeconds(settings.TokenMaxAgeSeconds);
        var remembered = verified.TryGet(token, out var claimed, out var verifiedFor);
        ParsedToken? parsed = null;
        if (!remembered)
        {
            parsed = ZgwToken.Parse(token, out var error);
            if (parsed is null)
            {
                return Fail(error!);
            }

            claimed = parsed.Claims;
        }

        if (await clients.FindAsync(claimed.ClientId, Context.RequestAborted) is not { } known)
        {
            return Fail("The client is unknown or revoked.");
        }

        // A remembered token counts only for the very client it was verified for; else verify it again.
        var result = remembered && ReferenceEquals(known, verifiedFor)
            ? ZgwToken.CheckTimes(claimed, clock.GetUtcNow(), maxAge)
            : VerifyAndRemember(token, parsed ?? ZgwToken.Parse(token, out _)!, known, maxAge);
        if (!result.IsValid)
        {
            return Fail(result.Error!);
        }

        var client = known.Row;
        var claims = new List<Claim>
        {
            new(ClaimNames.TenantId, client.TenantId.ToString("D")),
            new(ClaimNames.TenantSlug, client.TenantSlug),
            new(ClaimNames.ClientId, client.ClientId),
            new(ClaimTypes.NameIdentifier, client.ClientId),
            new(ClaimNames.Scope, client.Scopes),
        };
        if (result.Claims!.UserId is { } userId)
        {
            claims.Add(new Claim(ClaimNames.UserId, userId));
        }

        if (result.Claims.UserRepresentation is { } representation)
        {
            claims.Add(new Claim(ClaimNames.UserRepresentation, representation));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        Context.Bind(identity, new Caller(client.TenantId, client.TenantSlug, client.ClientId, result.Claims.UserId, result.Claims.UserRepresentation));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureKey] as string;
        Response.Headers.WWWAuthenticate = reason is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthorized",
            reason ?? "This operation needs 'Authorization: Bearer <jwt>' signed with the client's secret.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden",
            "The client lacks the scope this operation needs.");

    private ZgwTokenResult VerifyAndRemember(string token, ParsedToken parsed, KnownClient known, TimeSpan maxAge)
    {
        var result = ZgwToken.Verify(parsed, known.Secret, clock.GetUtcNow(), maxAge);
        if (result.IsValid)
        {
            verified.Remember(token, result.Claims!, known);
        }

        return result;
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
