using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using FastEndpoints;

namespace Datawijs.Api.Features.Organisations.List;

public sealed class Endpoint(OrganisationRepository organisations) : Endpoint<Request, Response>
{
    public const int DefaultLimit = 50;

    public override void Configure()
    {
        Get("/organisations");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Organisations");
        Options(b => b.WithOperationId("listOrganisations"));
        Summary(s =>
        {
            s.Summary = "List the tenant's organisations";
            s.Description = "Oldest first, cursor-paginated: pass the page's `next` as `cursor` until it is null.";
            s.ResponseExamples[200] = new Response { Items = [Organisation.Example], Next = null };
        });
        Description(b => b.Produces<Response>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var after = PageCursor.DecodeOrNull(req.Cursor);
        var page = await organisations.PageAsync(HttpContext.Caller().TenantId, after, req.Limit ?? DefaultLimit, ct);
        await Send.OkAsync(new Response
        {
            Items = page.Items.Select(Organisation.From).ToList(),
            Next = page.Next?.Encode(),
        }, ct);
    }
}
