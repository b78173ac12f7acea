using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.Get;

public sealed class Endpoint(ScanRepository scans) : Endpoint<Request, Scan>
{
    public override void Configure()
    {
        Get("/scans/{scanId}");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("getScan"));
        Summary(s =>
        {
            s.Summary = "Get one scan";
            s.Description = "Its model, targets, status and respondents (without their answers).";
        });
        Description(b => b.Produces<Scan>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var row = await scans.FindAsync(tenant, req.ScanId, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "scan");
            return;
        }

        await Send.OkAsync(Scan.From(row, await scans.ListResponsesAsync(tenant, row.Id, ct)), ct);
    }
}
