namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class Request
{
    /// <summary>The organisation.</summary>
    public Guid Id { get; set; }
}
