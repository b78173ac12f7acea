using System.Security.Claims;
using Datawijs.Api.Http;
using Datawijs.Domain.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>
/// The second authentication scheme, used only by the citizen endpoints: the citizen's token from the
/// municipality's OpenID Connect broker, forwarded by the portal. Each configured issuer has its own
/// JwtBearer scheme (its keys, audience and subject claim); the "Citizen" scheme picks one by the token's
/// <c>iss</c>, so the issuer selects the tenant. A token of an unknown issuer goes to a scheme that trusts
/// no key at all. Signatures: RS256, PS256 or ES256 only; <c>exp</c> required; 60 s clock skew.
/// A verified token becomes a principal with the tenant, the portal and the subject's pseudonym (the BSN,
/// in canonical form, is pseudonymised here and goes no further); it carries no scope, so every other
/// endpoint refuses it.
/// </summary>
public static class CitizenAuthentication
{
    public const string SchemeName = "Citizen";
    public const string UnknownIssuerScheme = "Citizen-unknown-issuer";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    private const string FailureKey = "datawijs.citizen.failure";

    public static AuthenticationBuilder AddCitizenTokens(this AuthenticationBuilder builder, IReadOnlyList<CitizenIssuer> issuers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(issuers);
        foreach (var issuer in issuers)
        {
            builder.AddJwtBearer(issuer.SchemeName, o => Configure(o, issuer));
        }

        builder.AddJwtBearer(UnknownIssuerScheme, o => Configure(o, null));
        builder.AddPolicyScheme(SchemeName, "Citizen token from the municipality's broker", o =>
            o.ForwardDefaultSelector = context => Select(context, issuers));
        return builder;
    }

    /// <summary>The scheme of the token's issuer, read without trusting anything (the chosen scheme verifies it all).</summary>
    private static string Select(HttpContext context, IReadOnlyList<CitizenIssuer> issuers)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return UnknownIssuerScheme;
        }

        try
        {
            var issuer = new JsonWebToken(header["Bearer ".Length..].Trim()).Issuer;
            return issuers.FirstOrDefault(i => string.Equals(i.Issuer, issuer, StringComparison.Ordinal))?.SchemeName ?? UnknownIssuerScheme;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or FormatException or System.Text.Json.JsonException)
        {
            return UnknownIssuerScheme;
        }
    }

    private static void Configure(JwtBearerOptions options, CitizenIssuer? issuer)
    {
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.IncludeErrorDetails = false;
        if (issuer?.Authority is { } authority)
        {
            options.Authority = authority.ToString();
            options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
        }

        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = issuer?.Issuer,
            ValidIssuers = issuer is null ? [] : [issuer.Issuer],
            ValidateAudience = true,
            ValidAudience = issuer?.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = issuer?.SigningKeys ?? [],
            ValidAlgorithms = CitizenIssuers.Algorithms,
            ClockSkew = ClockSkew,
            NameClaimType = issuer?.SubjectClaim ?? CitizenIssuers.DefaultSubjectClaim,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (issuer is null && !string.IsNullOrEmpty(context.Request.Headers.Authorization))
                {
                    Refuse(context.HttpContext, "The token's issuer is not a broker this API trusts.");
                    context.Fail("Unknown issuer.");
                }

                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                Refuse(context.HttpContext, context.Exception is SecurityTokenExpiredException
                    ? "The citizen token has expired."
                    : "The citizen token is not valid: its signature, issuer, audience, algorithm or lifetime is wrong.");
                return Task.CompletedTask;
            },
            OnTokenValidated = context => CompleteAsync(context, issuer!),
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = context.HttpContext.Items[FailureKey] is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized",
                    context.HttpContext.Items[FailureKey] as string
                    ?? "This operation needs the citizen's token from the municipality's login broker: 'Authorization: Bearer <token>'.");
            },
            OnForbidden = context => Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden",
                "This token cannot be used for this operation."),
        };
    }

    // The issuer's subject claim, in canonical BSN form, pseudonymised for the issuer's tenant.
    private static async Task CompleteAsync(TokenValidatedContext context, CitizenIssuer issuer)
    {
        var services = context.HttpContext.RequestServices;
        var lookups = services.GetRequiredService<CitizenLookups>();
        if (ShapeProblem(context.SecurityToken, issuer.SubjectClaim) is { } shape)
        {
            lookups.TokenRefused(issuer, shape.Log);
            Refuse(context.HttpContext, shape.Reason);
            context.Fail("Token shape.");
            return;
        }

        var raw = context.Principal?.FindFirst(issuer.SubjectClaim)?.Value;
        var bsn = SubjectIds.Canonical(raw, SubjectIdKind.Bsn, out _);
        if (bsn is null)
        {
            lookups.TokenRefused(issuer, "the subject claim is not a valid BSN");
            Refuse(context.HttpContext, $"The citizen token's '{issuer.SubjectClaim}' claim is not a valid BSN.");
            context.Fail("Invalid subject.");
            return;
        }

        var tenant = await services.GetRequiredService<CitizenTenants>().FindAsync(issuer.Tenant, context.HttpContext.RequestAborted);
        if (tenant is null)
        {
            lookups.TokenRefused(issuer, "the configured tenant does not exist");
            Refuse(context.HttpContext, "The tenant this broker serves does not exist.");
            context.Fail("Unknown tenant.");
            return;
        }

        var pseudonym = services.GetRequiredService<KeyRing>().PseudonymiserFor(tenant.Id).Pseudonymise(bsn);
        var portal = PortalOf(issuer, context.Principal!);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimNames.TenantId, tenant.Id.ToString("D")),
                new Claim(ClaimNames.TenantSlug, tenant.Slug),
                new Claim(ClaimNames.ClientId, portal),
                new Claim(ClaimTypes.NameIdentifier, portal),
                new Claim(ClaimNames.SubjectPseudonym, pseudonym),
                new Claim(ClaimNames.CitizenIssuer, issuer.Issuer),
            ],
            SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        context.HttpContext.Bind(identity, new CitizenCaller(tenant.Id, tenant.Slug, portal, pseudonym));
        // As a caller the portal is the client (the access log records it so), with no person of its own.
        context.HttpContext.Bind(identity, new Caller(tenant.Id, tenant.Slug, portal, null, null));
        context.Principal = new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// What the signature check does not look at: a header with <c>crit</c> names extensions the token's meaning
    /// depends on, and this API understands none (RFC 7515 section 4.1.11); the subject claim must be there exactly
    /// once, as one string or one whole number of at least 0 (an array or a repeated member would let the first of
    /// several people be taken).
    /// </summary>
    private static (string Log, string Reason)? ShapeProblem(Microsoft.IdentityModel.Tokens.SecurityToken token, string subjectClaim)
    {
        if (token is not JsonWebToken jwt)
        {
            return ("not a compact JWS", "The citizen token is not a signed JWT.");
        }

        try
        {
            if (Members(jwt.EncodedHeader, "crit").Count > 0)
            {
                return ("the header has crit", "The citizen token's header has 'crit': this API understands no JWS extensions.");
            }

            var subject = Members(jwt.EncodedPayload, subjectClaim);
            if (subject.Count != 1
                || !(subject[0].Kind == System.Text.Json.JsonTokenType.String
                     || (subject[0].Kind == System.Text.Json.JsonTokenType.Number && subject[0].Raw.All(char.IsAsciiDigit))))
            {
                return ("the subject claim is not one value", $"The citizen token must carry its '{subjectClaim}' claim exactly once, as one string or whole number.");
            }
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            return ("the token is not JSON", "The citizen token is not a signed JWT.");
        }

        return null;
    }

    /// <summary>The top-level members of a base64url-encoded JSON object with this name: their kind and raw text.</summary>
    private static List<(System.Text.Json.JsonTokenType Kind, string Raw)> Members(string encoded, string name)
    {
        var found = new List<(System.Text.Json.JsonTokenType, string)>();
        var reader = new System.Text.Json.Utf8JsonReader(System.Buffers.Text.Base64Url.DecodeFromChars(encoded));
        if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
        {
            throw new FormatException("Not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                found.Add((reader.TokenType, System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
            }

            reader.Skip();
        }

        return found;
    }

    /// <summary>
    /// The portal the citizen used, as the citizen sees it in their access log ("via ..."): the configured
    /// PortalName of the issuer, else the token's <c>azp</c> (the broker's client id of the portal, signed
    /// by the broker), else the audience.
    /// </summary>
    public static string PortalOf(CitizenIssuer issuer, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(principal);
        var name = issuer.PortalName ?? principal.FindFirst("azp")?.Value ?? issuer.Audience;
        var cleaned = new string(name.Where(c => !Validation.DisplayText.IsUnsafe(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? issuer.Audience : cleaned.Length > 100 ? cleaned[..100] : cleaned;
    }

    private static void Refuse(HttpContext context, string reason) => context.Items[FailureKey] = reason;
}
