using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Reporting;
using FastEndpoints;

namespace Datawijs.Api.Features.Public.Profiles.GetOutflowChart;

public sealed class Endpoint(PublishedSets publishedSets) : Endpoint<Request>
{
    public const string ContentType = "image/svg+xml";

    public override void Configure()
    {
        Get("/public/{tenant}/outflow.svg");
        AllowAnonymous();
        Tags("Public profiles");
        Options(b => b.WithOperationId("getPublicOutflowChart").WithMetadata(new LocalizedAttribute()));
        Summary(s =>
        {
            s.Summary = "The published time to outflow as a chart (SVG)";
            s.Description = "No authentication, CORS open. The published curves per profile (coarsened, stopped where fewer than 10 are still in) with their intervals, axis labels and legend in Dutch, "
                + "or English on Accept-Language: en; a title and a description with the medians for screen readers.";
        });
        Description(b => b.Produces<string>(200, ContentType).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var published = await publishedSets.FindAsync(req.Tenant, ct);
        if (published?.View.Outflow is not { } outflow)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "This organisation has published no time to outflow.");
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        RequestLanguage.Apply(HttpContext, language);
        HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        await Send.StringAsync(OutflowChart.Render(OutflowChartData.Of(outflow, language), Datasets.FeatureNames.UnitFrom(outflow.DurationUnit), language), 200, ContentType, ct);
    }
}
