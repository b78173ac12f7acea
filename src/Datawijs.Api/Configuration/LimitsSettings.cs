namespace Datawijs.Api.Configuration;

public sealed class LimitsSettings
{
    public const string Section = "Limits";

    /// <summary>Largest JSON request body; uploads set their own limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest a request may take before it is answered 503 <c>request-timeout</c>; 0 switches the limit off.</summary>
    public int RequestTimeoutSeconds { get; set; } = 300;

    /// <summary>Largest total size of the request headers; larger is answered 431 as problem+json.</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;
}
