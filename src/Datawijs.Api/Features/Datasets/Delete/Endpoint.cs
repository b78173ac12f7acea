using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using FastEndpoints;

namespace Datawijs.Api.Features.Datasets.Delete;

public sealed class Endpoint(DatasetRepository datasets) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/datasets/{id}");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b.WithOperationId("deleteDataset"));
        Summary(s =>
        {
            s.Summary = "Delete a dataset for good";
            s.Description = "Removes the dataset with every record, every clustering and every profile set made from it (a published set disappears from the public page too). Nothing is kept.";
        });
        Description(b => b.Produces(204).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var deleted = await datasets.DeleteAsync(tenant, req.Id, ct);
        if (!deleted)
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
