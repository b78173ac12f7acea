using Datawijs.Api.Http;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>A completed scan with the model it pinned and the score stored at completion.</summary>
public sealed record CompletedScan(ScanRow Row, MaturityModel Model, ScanScore Score);

public static class CompletedScans
{
    /// <summary>Loads a completed scan of the tenant, or writes the 404/409 problem and returns null.</summary>
    public static async Task<CompletedScan?> LoadAsync(HttpContext context, StoredScores scores, Guid tenantId, Guid scanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        switch (await scores.FindAsync(tenantId, scanId, ct))
        {
            case null:
                await Problems.NotFoundAsync(context, "scan");
                return null;
            case { Completed: null }:
                await ScanProblems.NotCompletedAsync(context);
                return null;
            case { Completed: { } completed }:
                return completed;
        }
    }
}

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
