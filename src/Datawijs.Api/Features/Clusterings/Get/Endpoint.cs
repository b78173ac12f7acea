using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Clusterings;
using FastEndpoints;

namespace Datawijs.Api.Features.Clusterings.Get;

public sealed class Endpoint(ClusteringRepository jobs) : Endpoint<Request, Clustering>
{
    public override void Configure()
    {
        Get("/clusterings/{id}");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Clusterings");
        Options(b => b.WithOperationId("getClustering"));
        Summary(s =>
        {
            s.Summary = "Get a clustering: status, progress, quality per k and the chosen k";
            s.Description = "Poll until `status` is succeeded, failed or cancelled. A job that was running when the server stopped is failed with the reason in `error`.";
        });
        Description(b => b.Produces<Clustering>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await jobs.FindAsync(HttpContext.Caller().TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "clustering");
            return;
        }

        await Send.OkAsync(Clustering.From(row), ct);
    }
}
