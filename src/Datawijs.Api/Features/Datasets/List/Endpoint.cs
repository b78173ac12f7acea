using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using Datawijs.Data.Infrastructure;
using FastEndpoints;

namespace Datawijs.Api.Features.Datasets.List;

public sealed class Endpoint(DatasetRepository datasets) : Endpoint<Request, Response>
{
    public const int DefaultLimit = 50;

    public override void Configure()
    {
        Get("/datasets");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b.WithOperationId("listDatasets"));
        Summary(s =>
        {
            s.Summary = "List the tenant's datasets";
            s.Description = "Oldest first, cursor-paginated: pass the page's `next` as `cursor` until it is null.";
        });
        Description(b => b.Produces<Response>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var after = PageCursor.DecodeOrNull(req.Cursor);
        var page = await datasets.PageAsync(HttpContext.Caller().TenantId, after, req.Limit ?? DefaultLimit, ct);
        await Send.OkAsync(new Response
        {
            Items = page.Items.Select(Dataset.From).ToList(),
            Next = page.Next?.Encode(),
        }, ct);
    }
}
