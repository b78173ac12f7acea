namespace Datawijs.Client;

/// <summary>
/// Who calls: the client credentials issued by the tenant's administrator, and optionally the person; or, for the
/// citizen endpoints, the citizen's own token from the municipality's broker (<see cref="BearerToken"/>).
/// </summary>
public sealed class DatawijsClientOptions
{
    public Uri BaseAddress { get; set; } = new("http://localhost:5080");

    public string ClientId { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>The person on whose behalf the application calls (ZGW user_id), if any.</summary>
    public string? UserId { get; set; }

    /// <summary>How that person is shown in the access log (ZGW user_representation).</summary>
    public string? UserRepresentation { get; set; }

    /// <summary>
    /// A token to send as it is instead of signing a ZGW one: the citizen's token from the municipality's OpenID
    /// Connect broker, which a portal forwards to the citizen endpoints. ClientId and Secret are then not used.
    /// </summary>
    public string? BearerToken { get; set; }
}
