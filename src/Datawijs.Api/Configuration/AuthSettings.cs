namespace Datawijs.Api.Configuration;

public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>How old a token's iat may be; ZGW clients usually send no exp.</summary>
    public int TokenMaxAgeSeconds { get; set; } = 3600;

    /// <summary>How long a verified client is remembered; a revocation takes effect within this time (0: at once).</summary>
    public int ClientCacheSeconds { get; set; } = 5;
}
