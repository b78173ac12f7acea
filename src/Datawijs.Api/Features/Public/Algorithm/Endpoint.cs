using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Domain;
using System.Globalization;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using FastEndpoints;

namespace Datawijs.Api.Features.Public.Algorithm;

/// <summary>
/// Tenant settings come from configuration: <c>Transparency:Tenants:&lt;slug&gt;:ContactEmail</c>,
/// <c>:LawfulBasis</c> and <c>:Website</c>, with <c>Transparency:ContactEmail</c> as the default contact.
/// </summary>
public sealed class Endpoint(TenantRepository tenants, IPublishedProfileSetReader profileSets, ProfileSetRepository publishedViews, IConfiguration configuration) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/public/{tenant}/algorithm");
        AllowAnonymous();
        Tags("Public");
        Options(b => b.WithOperationId("getPublicAlgorithm").WithMetadata(new LocalizedAttribute()));
        Summary(s =>
        {
            s.Summary = "The algorithm's public description (Algoritmeregister)";
            s.Description = "No authentication, CORS `*`. The fields of the national Algoritmeregister publication standard, filled from the tenant's settings and its published profile set. Dutch B1 unless `Accept-Language: en`.";
        });
        Description(b => b.Produces<Response>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = await tenants.FindBySlugAsync(req.Tenant, ct);
        if (tenant is null)
        {
            await Problems.NotFoundAsync(HttpContext, "tenant");
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        var model = await profileSets.GetCurrentAsync(tenant.Id, ct);
        var settings = configuration.GetSection("Transparency:Tenants:" + tenant.Slug);
        var fairness = model is null ? null : await FairnessAsync(tenant.Id, model.ProfileSetId, language, ct);
        HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(
            RegisterEntry.For(tenant.Name, model, settings["Website"], settings["LawfulBasis"], settings["ContactEmail"] ?? configuration["Transparency:ContactEmail"], fairness, language),
            ct);
    }

    // The check as frozen into the published view (a set published before it existed has none).
    private async Task<AlgorithmFairnessCheck?> FairnessAsync(Guid tenantId, Guid profileSetId, Language language, CancellationToken ct)
    {
        var set = await publishedViews.FindAsync(tenantId, profileSetId, ct);
        if (set?.PublishedView is null)
        {
            return null;
        }

        var view = StoredJson.Read<ProfileSetView>(set.PublishedView);
        var check = view.Fairness;
        return new AlgorithmFairnessCheck
        {
            Outcome = check?.Outcome ?? "notChecked",
            Text = FairnessTexts.Public(view, language),
            MaximumRatio = check?.MaximumRatio,
            Alpha = check?.Alpha,
            ReviewedOn = check?.Review?.ReviewedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
