using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using Datawijs.Domain.Reporting;
using FastEndpoints;

namespace Datawijs.Api.Features.PublicProfiles.GetOutflowChart;

public sealed class Endpoint(TenantRepository tenants, ProfileSetRepository profileSets) : Endpoint<Request>
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
        var tenant = await tenants.FindBySlugAsync(req.Tenant, ct);
        var set = tenant is null ? null : await profileSets.FindPublishedAsync(tenant.Id, ct);
        var outflow = set?.PublishedView is null ? null : ProfileSetViews.Frozen(set.PublishedView).Outflow;
        if (outflow is null)
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
