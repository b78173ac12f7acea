using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>Query and header parameters shared by the reads of a completed scan.</summary>
public abstract class CompletedScanRequest
{
    public Guid ScanId { get; set; }

    /// <summary>The peer group to compare with (default all): all, kind:{kind} or size:{CBS size class}.</summary>
    public string? Group { get; set; }

    /// <summary>nl (default) or en.</summary>
    [FastEndpoints.FromHeader("Accept-Language", isRequired: false)]
    public string? AcceptLanguage { get; set; }

    public PeerGroup PeerGroup => Group is null ? PeerGroup.All : PeerGroup.Find(Group) ?? PeerGroup.All;
}
