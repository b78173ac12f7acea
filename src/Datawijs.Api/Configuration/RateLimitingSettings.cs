namespace Datawijs.Api.Configuration;

public sealed class RateLimitingSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Per client (per remote address when anonymous); 0 switches the limiter off.</summary>
    public int PermitsPerSecond { get; set; } = 200;
}
