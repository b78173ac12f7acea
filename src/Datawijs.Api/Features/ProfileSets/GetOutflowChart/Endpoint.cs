using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Reporting;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.GetOutflowChart;

public sealed class Endpoint(OutflowAnalysis analysis) : Endpoint<GetOutflow.Request>
{
    public const string ContentType = "image/svg+xml";

    public override void Configure()
    {
        Get("/profile-sets/{id}/outflow.svg");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("getProfileSetOutflowChart").WithMetadata(new LocalizedAttribute()));
        Summary(s =>
        {
            s.Summary = "Time to outflow as a chart (SVG)";
            s.Description = "The step curves of `GET /profile-sets/{id}/outflow` with their 95 % intervals, axis labels and a legend in Dutch, or English on Accept-Language: en; "
                + "a title and a description with every group's median for screen readers. 720 × 480.";
        });
        Description(b => b.Produces<string>(200, ContentType).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(GetOutflow.Request req, CancellationToken ct)
    {
        var figures = await analysis.ForRequestAsync(HttpContext, HttpContext.Caller().TenantId, req.Id, req.By, withCox: false, ct);
        if (figures is null)
        {
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        RequestLanguage.Apply(HttpContext, language);
        await Send.StringAsync(OutflowChart.Render(OutflowChartData.Of(figures, language), figures.Unit, language), 200, ContentType, ct);
    }
}
