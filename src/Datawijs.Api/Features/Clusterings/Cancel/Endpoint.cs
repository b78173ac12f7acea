using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Clusterings;
using FastEndpoints;

namespace Datawijs.Api.Features.Clusterings.Cancel;

public sealed class Endpoint(ClusteringRepository jobs, ClusteringSignals signals, TimeProvider clock) : Endpoint<Request, Clustering>
{
    public override void Configure()
    {
        Post("/clusterings/{id}/cancellation");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Clusterings");
        Options(b => b.WithOperationId("cancelClustering"));
        Summary(s =>
        {
            s.Summary = "Cancel a queued or running clustering";
            s.Description = "A queued job is cancelled at once; a running one stops at its next check (within a second or so) and then shows status cancelled.";
            s.Responses[202] = "Cancelled, or cancellation requested.";
        });
        Description(b => b.Produces<Clustering>(202).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        if (!await jobs.CancelQueuedAsync(tenant, req.Id, clock.GetUtcNow(), ct))
        {
            if (await jobs.RequestCancellationAsync(tenant, req.Id, ct))
            {
                signals.Cancel(req.Id);
            }
            else
            {
                var existing = await jobs.FindAsync(tenant, req.Id, ct);
                if (existing is null)
                {
                    await Problems.NotFoundAsync(HttpContext, "clustering");
                }
                else
                {
                    await Problems.WriteAsync(HttpContext, 409, "clustering-finished", $"The clustering has already finished ({existing.Status}).");
                }

                return;
            }
        }

        var row = await jobs.FindAsync(tenant, req.Id, ct);
        await Send.ResponseAsync(Clustering.From(row!), 202, ct);
    }
}
