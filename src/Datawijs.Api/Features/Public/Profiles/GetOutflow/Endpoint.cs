using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using FastEndpoints;

namespace Datawijs.Api.Features.PublicProfiles.GetOutflow;

/// <summary>The published time to outflow of an organisation's profiles.</summary>
public sealed class PublicOutflow
{
    public string Tenant { get; init; } = "";

    public string Organisation { get; init; } = "";

    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Exactly what was published with the profile set: coarsened curves, rounded counts, small profiles withheld.</summary>
    public PublishedOutflowView Outflow { get; init; } = new();
}

public sealed class Endpoint(TenantRepository tenants, ProfileSetRepository profileSets) : Endpoint<Request, PublicOutflow>
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
        var tenant = await tenants.FindBySlugAsync(req.Tenant, ct);
        var set = tenant is null ? null : await profileSets.FindPublishedAsync(tenant.Id, ct);
        var view = set?.PublishedView is null ? null : ProfileSetViews.Frozen(set.PublishedView);
        if (tenant is null || view?.Outflow is null)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "This organisation has published no time to outflow.");
            return;
        }

        await Send.OkAsync(new PublicOutflow
        {
            Tenant = tenant.Slug,
            Organisation = tenant.Name,
            ProfileSetId = set!.Id,
            PublishedAt = set.PublishedAt ?? set.UpdatedAt,
            Outflow = view.Outflow,
        }, ct);
    }
}
