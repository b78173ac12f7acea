using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using FastEndpoints;

namespace Datawijs.Api.Features.Datasets.Get;

public sealed class Endpoint(DatasetRepository datasets) : Endpoint<Request, Dataset>
{
    public override void Configure()
    {
        Get("/datasets/{id}");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b.WithOperationId("getDataset"));
        Summary(s =>
        {
            s.Summary = "Get one dataset with its data-quality report";
            s.Description = "The report gives per feature the missing share and the distribution (value frequencies, or rounded median and quartiles), under the disclosure rules.";
        });
        Description(b => b.Produces<Dataset>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await datasets.FindAsync(HttpContext.Caller().TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        await Send.OkAsync(Dataset.From(row), ct);
    }
}
