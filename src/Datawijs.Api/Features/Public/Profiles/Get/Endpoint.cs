using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using FastEndpoints;

namespace Datawijs.Api.Features.PublicProfiles.List;

/// <summary>The published profiles of an organisation, for anyone.</summary>
public sealed class PublicProfileSet
{
    /// <summary>The organisation's short name.</summary>
    public string Tenant { get; init; } = "";

    public string Organisation { get; init; } = "";

    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>
    /// Exactly what was published: the profiles after the disclosure gate, and how they were made. Of the
    /// inequality check only the outcome, the method and the review: no findings (which profile, which group).
    /// </summary>
    public ProfileSetView View { get; init; } = new();

    /// <summary>
    /// The inequality check and its outcome in plain words, in the language asked for (Dutch B1 by default,
    /// English on Accept-Language: en): whether an over-representation of a protected group was found and a
    /// person's review (date, reasoning), never which profile or group; view.fairness holds it in both languages.
    /// </summary>
    public string FairnessCheck { get; init; } = "";

    /// <summary>
    /// The features the advice is based on (the feature catalogue): type, whole numbers only or not, range or allowed
    /// values with labels, and whether each can change. Exactly what a case worker's system sends for advice; protected,
    /// descriptive and outflow features never take part and are not listed.
    /// </summary>
    public IReadOnlyList<Assignments.AdviceFeature> AdviceFeatures { get; init; } = [];
}

public sealed class Endpoint(TenantRepository tenants, ProfileSetRepository profileSets, IPublishedProfileSetReader published) : Endpoint<Request, PublicProfileSet>
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
        var tenant = await tenants.FindBySlugAsync(req.Tenant, ct);
        var set = tenant is null ? null : await profileSets.FindPublishedAsync(tenant.Id, ct);
        if (tenant is null || set?.PublishedView is null)
        {
            await Problems.WriteAsync(HttpContext, 404, "not-found", "This organisation has no published profiles.");
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        var view = FairnessTexts.PublicView(ProfileSetViews.Frozen(set.PublishedView));
        var model = await published.FindAsync(tenant.Id, set.Id, ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new PublicProfileSet
        {
            Tenant = tenant.Slug,
            Organisation = tenant.Name,
            ProfileSetId = set.Id,
            PublishedAt = set.PublishedAt ?? set.UpdatedAt,
            View = view,
            FairnessCheck = FairnessTexts.Public(view, language),
            AdviceFeatures = model is null ? [] : Assignments.AdviceFeatureCatalogue.From(model).Features,
        }, ct);
    }
}
