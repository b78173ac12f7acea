using System.Security.Claims;

namespace Datawijs.Api.Auth;

public static class ClaimNames
{
    public const string TenantId = "tenant_id";
    public const string TenantSlug = "tenant_slug";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string UserId = "user_id";
    public const string UserRepresentation = "user_representation";

    /// <summary>Only on a verified citizen token: the tenant's pseudonym of the citizen's BSN.</summary>
    public const string SubjectPseudonym = "subject_pseudonym";

    /// <summary>Only on a verified citizen token: the broker (issuer) that identified the citizen.</summary>
    public const string CitizenIssuer = "citizen_issuer";
}

/// <summary>A citizen with a verified token from the tenant's broker, through a portal.</summary>
public sealed record CitizenCaller(Guid TenantId, string TenantSlug, string Portal, string SubjectPseudonym)
{
    public static CitizenCaller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var pseudonym = user.FindFirstValue(ClaimNames.SubjectPseudonym)
            ?? throw new InvalidOperationException("The endpoint requires a verified citizen token.");
        return new CitizenCaller(
            Guid.Parse(user.FindFirstValue(ClaimNames.TenantId)!),
            user.FindFirstValue(ClaimNames.TenantSlug) ?? "",
            user.FindFirstValue(ClaimNames.ClientId) ?? "",
            pseudonym);
    }
}

/// <summary>Who is calling: the authenticated client of a tenant, and the person if the token names one.</summary>
public sealed record Caller(Guid TenantId, string TenantSlug, string ClientId, string? UserId, string? UserRepresentation)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tenant = user.FindFirstValue(ClaimNames.TenantId)
            ?? throw new InvalidOperationException("The endpoint requires an authenticated client.");
        return new Caller(
            Guid.Parse(tenant),
            user.FindFirstValue(ClaimNames.TenantSlug) ?? "",
            user.FindFirstValue(ClaimNames.ClientId) ?? "",
            user.FindFirstValue(ClaimNames.UserId),
            user.FindFirstValue(ClaimNames.UserRepresentation));
    }
}
