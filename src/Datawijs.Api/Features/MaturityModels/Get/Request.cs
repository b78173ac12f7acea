using FastEndpoints;

namespace Datawijs.Api.Features.MaturityModels.Get;

public sealed class Request
{
    public string ModelId { get; set; } = "";

    /// <summary>nl (default) or en.</summary>
    [FromHeader("Accept-Language", isRequired: false)]
    public string? AcceptLanguage { get; set; }
}
