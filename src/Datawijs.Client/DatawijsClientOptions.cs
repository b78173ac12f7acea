namespace Datawijs.Client;

/// <summary>Who calls: the client credentials issued by the tenant's administrator, and optionally the person.</summary>
public sealed class DatawijsClientOptions
{
    public Uri BaseAddress { get; set; } = new("http://localhost:5080");

    public string ClientId { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>The person on whose behalf the application calls (ZGW user_id), if any.</summary>
    public string? UserId { get; set; }

    /// <summary>How that person is shown in the access log (ZGW user_representation).</summary>
    public string? UserRepresentation { get; set; }
}
