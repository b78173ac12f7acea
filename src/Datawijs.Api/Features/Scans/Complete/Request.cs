namespace Datawijs.Api.Features.Scans.Complete;

public sealed class Request
{
    public Guid ScanId { get; set; }
}
