namespace Datawijs.Api.Configuration;

public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>How old a token's iat may be; ZGW clients usually send no exp.</summary>
    public int TokenMaxAgeSeconds { get; set; } = 3600;

    /// <summary>How long a verified client is remembered; a revocation takes effect within this time (0: at once).</summary>
    public int ClientCacheSeconds { get; set; } = 5;
}

public sealed class RateLimitingSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Per client (per remote address when anonymous); 0 switches the limiter off.</summary>
    public int PermitsPerSecond { get; set; } = 200;
}

public sealed class PseudonymisationSettings
{
    public const string Section = "Pseudonymisation";

    /// <summary>Base64, at least 32 bytes.</summary>
    public string? MasterKey { get; set; }
}

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

public sealed class BenchmarkSettings
{
    public const string Section = "Benchmarks";

    /// <summary>Organisations of other tenants a peer figure needs; at least 5.</summary>
    public int MinimumOrganisations { get; set; } = Domain.Maturity.PeerThresholds.OrganisationsFloor;

    /// <summary>Other tenants those organisations must belong to; at least 3, at most MinimumOrganisations.</summary>
    public int MinimumTenants { get; set; } = Domain.Maturity.PeerThresholds.TenantsFloor;

    public Domain.Maturity.PeerThresholds Thresholds() => new(MinimumOrganisations, MinimumTenants);
}

public sealed class FairnessSettings
{
    public const string Section = "Fairness";

    /// <summary>
    /// A protected group more than this many times as frequent in a profile as outside it (and significantly so)
    /// blocks publication until a person reviews it (default 2).
    /// </summary>
    public double MaximumRatio { get; set; } = 2.0;

    public Domain.Disclosure.FairnessCheckOptions Options => new() { MaximumRatio = MaximumRatio };
}
