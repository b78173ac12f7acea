namespace Datawijs.Api.Features.Public.Algorithm;

public sealed class Request
{
    /// <summary>The tenant's slug, e.g. gemeente-voorbeeldstad.</summary>
    public string Tenant { get; set; } = "";
}
