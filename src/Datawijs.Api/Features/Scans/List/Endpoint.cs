using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.List;

public sealed class Endpoint(OrganisationRepository organisations, ScanRepository scans) : Endpoint<Request, ScanList>
{
    public const int DefaultLimit = 50;

    public override void Configure()
    {
        Get("/organisations/{id}/scans");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("listScans"));
        Summary(s =>
        {
            s.Summary = "List an organisation's scans";
            s.Description = "Open and completed, oldest first, cursor-paginated: pass the page's `next` as `cursor` until it is null.";
        });
        Description(b => b.Produces<ScanList>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        if (await organisations.FindAsync(tenant, req.Id, ct) is null)
        {
            await Problems.NotFoundAsync(HttpContext, "organisation");
            return;
        }

        var after = PageCursor.DecodeOrNull(req.Cursor);
        var page = await scans.PageAsync(tenant, req.Id, after, req.Limit ?? DefaultLimit, ct);
        var items = new List<Scan>();
        foreach (var row in page.Items)
        {
            items.Add(Scan.From(row, await scans.ListResponsesAsync(tenant, row.Id, ct)));
        }

        await Send.OkAsync(new ScanList { Items = items, Next = page.Next?.Encode() }, ct);
    }
}
