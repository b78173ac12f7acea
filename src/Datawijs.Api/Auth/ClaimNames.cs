namespace Datawijs.Api.Auth;

/// <summary>The claims the authentication handlers put on the principals they build.</summary>
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
