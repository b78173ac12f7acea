using Microsoft.IdentityModel.Tokens;

namespace Datawijs.Api.Auth.Citizens;

/// <summary>
/// One OpenID Connect broker (DigiD or eHerkenning behind it) whose citizen tokens a tenant trusts:
/// the issuer selects the tenant. Keys come from OIDC discovery at <see cref="Authority"/> or from a
/// JWKS file (<see cref="SigningKeys"/>, read at start-up).
/// </summary>
public sealed record CitizenIssuer(
    int Index,
    string Tenant,
    string Issuer,
    string Audience,
    string SubjectClaim,
    string? PortalName,
    Uri? Authority,
    IReadOnlyList<SecurityKey> SigningKeys)
{
    /// <summary>The authentication scheme that checks this issuer's tokens.</summary>
    public string SchemeName => CitizenAuthentication.SchemeName + "-" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
