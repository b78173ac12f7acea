using System.Security.Claims;

namespace Datawijs.Api.Auth;

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
