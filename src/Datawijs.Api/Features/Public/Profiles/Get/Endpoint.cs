using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.Public.Profiles.Get;

public sealed class Endpoint(PublishedSets publishedSets, IPublishedProfileSetReader profileSets) : Endpoint<Request, PublicProfileSet>
{
    public override void Configure()
    {
        Get("/public/{tenant}/profiles");
        AllowAnonymous();
        Tags("Public profiles");
        Options(b => b.WithOperationId("getPublicProfileSet").WithMetadata(new LocalizedAttribute()));
        Summary(s =>
        {
            s.Summary = "The published profiles of an organisation";
            s.Description = "No authentication, CORS open. Names, descriptions, sizes (rounded to 5), what distinguishes each profile, and how the profiles were made: data, features, method, k, date and the disclosure rules applied. `adviceFeatures` lists what the advice is based on: each feature's type, range or allowed values (with labels) and whether it can change.";
        });
        Description(b => b.Produces<PublicProfileSet>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await publishedSets.FindAsync(req.Tenant, ct) is not { } published)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "This organisation has no published profiles.");
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        var view = FairnessTexts.PublicView(published.View);
        var model = await profileSets.FindAsync(published.Tenant.Id, published.Set.Id, ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new PublicProfileSet
        {
            Tenant = published.Tenant.Slug,
            Organisation = published.Tenant.Name,
            ProfileSetId = published.Set.Id,
            PublishedAt = published.PublishedAt,
            View = view,
            FairnessCheck = FairnessTexts.Public(view, language),
            AdviceFeatures = model is null ? [] : Assignments.AdviceFeatureCatalogue.From(model).Features,
        }, ct);
    }
}
