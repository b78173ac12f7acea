using FastEndpoints;

namespace Datawijs.Api.Features.MaturityModels.List;

public sealed class Request
{
    /// <summary>nl (default) or en.</summary>
    [FromHeader("Accept-Language", isRequired: false)]
    public string? AcceptLanguage { get; set; }
}
