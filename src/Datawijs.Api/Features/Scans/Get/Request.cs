namespace Datawijs.Api.Features.Scans.Get;

public sealed class Request
{
    public Guid ScanId { get; set; }
}
