using Datawijs.Api.Features.MaturityModels.Views;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.MaturityModels.Get;

public sealed class Endpoint : Endpoint<Request, MaturityModelDetail>
{
    public override void Configure()
    {
        Get("/maturity-models/{modelId}");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Maturity models");
        Options(b => b.WithOperationId("getMaturityModel"));
        Summary(s =>
        {
            s.Summary = "Get one maturity model";
            s.Description = "Categories with weights, questions with weights and a descriptor per answer 1–5, the five levels and the advice per level.";
        });
        Description(b => b.Produces<MaturityModelDetail>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        if (DefaultMaturityModels.Find(req.ModelId) is not { } model)
        {
            await Problems.NotFoundAsync(HttpContext, "maturity model");
            return;
        }

        await Send.OkAsync(MaturityModelDetail.From(model, language), ct);
    }
}
