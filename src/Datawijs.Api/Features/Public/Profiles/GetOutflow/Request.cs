namespace Datawijs.Api.Features.Public.Profiles.GetOutflow;

public sealed class Request
{
    /// <summary>The organisation's short name (its tenant slug), e.g. "demo".</summary>
    public string Tenant { get; set; } = "";
}
