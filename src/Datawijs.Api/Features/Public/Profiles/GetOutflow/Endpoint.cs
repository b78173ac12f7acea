using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.Public.Profiles.GetOutflow;

public sealed class Endpoint(PublishedSets publishedSets) : Endpoint<Request, PublicOutflow>
{
    public override void Configure()
    {
        Get("/public/{tenant}/outflow");
        AllowAnonymous();
        Tags("Public profiles");
        Options(b => b.WithOperationId("getPublicOutflow"));
        Summary(s =>
        {
            s.Summary = "The published time to outflow per profile";
            s.Description = "No authentication, CORS open. Per published profile: the share of households still in at coarsened times (every 3 months unless another step was chosen), with its 95 % interval, "
                + "the households still in (rounded to 5), and the median with its interval. A curve stops where fewer than 10 households are still in (`stopsAt`); profiles under 10 households are withheld. "
                + "404 when nothing is published or the published set has no outflow.";
        });
        Description(b => b.Produces<PublicOutflow>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var published = await publishedSets.FindAsync(req.Tenant, ct);
        if (published?.View.Outflow is not { } outflow)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "This organisation has published no time to outflow.");
            return;
        }

        await Send.OkAsync(new PublicOutflow
        {
            Tenant = published.Tenant.Slug,
            Organisation = published.Tenant.Name,
            ProfileSetId = published.Set.Id,
            PublishedAt = published.PublishedAt,
            Outflow = outflow,
        }, ct);
    }
}
