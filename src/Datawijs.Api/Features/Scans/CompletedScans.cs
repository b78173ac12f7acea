using Datawijs.Api.Http;

namespace Datawijs.Api.Features.Scans;

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
