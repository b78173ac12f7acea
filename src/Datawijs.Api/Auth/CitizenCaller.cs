using System.Security.Claims;

namespace Datawijs.Api.Auth;

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
