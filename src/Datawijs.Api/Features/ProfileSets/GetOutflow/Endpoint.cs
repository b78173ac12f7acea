using Datawijs.Api.Auth;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.GetOutflow;

public sealed class Endpoint(OutflowAnalysis analysis) : Endpoint<Request, Outflow>
{
    public override void Configure()
    {
        Get("/profile-sets/{id}/outflow");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("getProfileSetOutflow"));
        Summary(s =>
        {
            s.Summary = "Time to outflow per profile or per value of a feature (exact figures)";
            s.Description = "For a dataset with an outflow outcome (roles duration and event): Kaplan-Meier curves per group with 95 % intervals and medians (as R's survfit), "
                + "the log-rank test (survdiff) and hazard ratios of every clustering feature in one Cox model with Efron ties (coxph; categorical against the most frequent value, numeric per standard deviation). "
                + "`by=profile` (default) places each household in the profile whose centre is nearest; `by=<feature>` groups by a declared categorical feature, e.g. a provision. "
                + "Exact figures for the data owner; the published form is coarsened (see the published profile set). 409 `no-outflow-outcome` when the dataset declares no outcome.";
        });
        Description(b => b.Produces<Outflow>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var figures = await analysis.ForRequestAsync(HttpContext, HttpContext.Caller().TenantId, req.Id, req.By, withCox: true, ct);
        if (figures is null)
        {
            return;
        }

        await Send.OkAsync(Outflow.From(figures), ct);
    }
}
