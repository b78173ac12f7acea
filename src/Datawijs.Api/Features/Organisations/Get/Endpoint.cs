using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using FastEndpoints;

namespace Datawijs.Api.Features.Organisations.Get;

public sealed class Endpoint(OrganisationRepository organisations) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Get("/organisations/{id}");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Organisations");
        Options(b => b.WithOperationId("getOrganisation"));
        Summary(s =>
        {
            s.Summary = "Get one organisation";
            s.ResponseExamples[200] = Organisation.Example;
        });
        Description(b => b.Produces<Organisation>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await organisations.FindAsync(HttpContext.Caller().TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "organisation");
            return;
        }

        await Send.OkAsync(Organisation.From(row), ct);
    }
}
