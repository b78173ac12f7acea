using Datawijs.Api.Features.MaturityModels.Views;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.MaturityModels.List;

public sealed class Endpoint : Endpoint<Request, MaturityModelList>
{
    public override void Configure()
    {
        Get("/maturity-models");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Maturity models");
        Options(b => b.WithOperationId("listMaturityModels"));
        Summary(s =>
        {
            s.Summary = "List the maturity models";
            s.Description = "The questionnaires this installation ships: a full and a quick variant, each versioned. A scan pins one.";
        });
        Description(b => b.Produces<MaturityModelList>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        await Send.OkAsync(new MaturityModelList
        {
            Items = DefaultMaturityModels.All.Select(m => MaturityModelSummary.From(m, language)).ToList(),
        }, ct);
    }
}
