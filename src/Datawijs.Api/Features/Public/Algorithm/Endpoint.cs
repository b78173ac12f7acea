using Datawijs.Domain;
using System.Globalization;
using Datawijs.Api.Features.Assignments;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;
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
        var nl = language == Language.Dutch;
        var model = await profileSets.GetCurrentAsync(tenant.Id, ct);
        var settings = configuration.GetSection("Transparency:Tenants:" + tenant.Slug);
        var features = model?.Space.Features ?? [];
        string Label(FeatureDefinition f) => model!.Space.LabelOf(f.Name, language);
        var used = string.Join(", ", features.Where(f => f.InDistance).Select(Label));
        var protectedOnes = string.Join(", ", features.Where(f => f.Role == FeatureRole.Protected).Select(Label));

        var sourceData = model is null
            ? (nl ? "Nog geen: er is nog geen profielset gepubliceerd." : "None yet: no profile set has been published.")
            : (nl
                ? $"Gepseudonimiseerde gegevens van {model.Households} huishoudens: {used}. Namen en nummers die naar een persoon wijzen, gebruiken wij niet."
                : $"Pseudonymised data of {model.Households} households: {used}. We do not use names or numbers that point to a person.")
              + (protectedOnes.Length == 0 ? "" : nl
                  ? $" Deze gegevens tellen niet mee en dienen alleen om te controleren dat profielen geen ongelijkheid versterken: {protectedOnes}."
                  : $" These details do not count and only serve to check that profiles do not reinforce inequality: {protectedOnes}.");
        var methods = model is null
            ? (nl ? "k-prototypes clustering; nog geen profielset gepubliceerd." : "k-prototypes clustering; no profile set published yet.")
            : nl
                ? string.Create(CultureInfo.InvariantCulture, $"Clustering met {PublishedProfileSetModel.Method} op gemengde gegevens (getallen en categorie\u00ebn), k = {model.K} profielen, vaste seed {model.Seed}, gepubliceerd op {model.PublishedAt:yyyy-MM-dd}. Een cli\u00ebnt krijgt als advies het dichtstbijzijnde profiel, met de bijdrage van elk gegeven (op twee decimalen, gemeten tegen de afgeronde profielwaarden) en een tegenvoorbeeld (de kleinste verandering die een ander profiel geeft). Openbaarmakingsregels: elk getoond aantal is minstens {model.Disclosure.MinimumCount} huishoudens en wordt afgerond op {model.Disclosure.RoundingBase}, ook het totaal aantal huishoudens; percentages en verhoudingen komen uit de afgeronde aantallen; 0 % en 100 % worden niet getoond; getallen alleen als afgeronde mediaan.")
                : string.Create(CultureInfo.InvariantCulture, $"Clustering with {PublishedProfileSetModel.Method} on mixed data (numbers and categories), k = {model.K} profiles, fixed seed {model.Seed}, published on {model.PublishedAt:yyyy-MM-dd}. A client is advised the nearest profile, with the contribution of each detail (two decimals, measured against the rounded profile values) and a counterfactual (the smallest change that gives another profile). Disclosure rules: every published count is at least {model.Disclosure.MinimumCount} households and is rounded to {model.Disclosure.RoundingBase}, the total number of households included; percentages and lifts come from the rounded counts; 0 % and 100 % are not shown; numbers only as rounded medians.");

        var fairness = model is null ? null : await FairnessAsync(tenant.Id, model.ProfileSetId, language, ct);
        HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new Response
        {
            Name = nl ? "Profielen voor passende ondersteuning" : "Profiles for fitting support",
            Organization = tenant.Name,
            DescriptionShort = nl
                ? "Wij delen huishoudens die op elkaar lijken in groepen in: profielen. Een medewerker kan vragen welk profiel bij een cli\u00ebnt past. Dat is alleen een advies. De medewerker beslist zelf."
                : "We sort households that look alike into groups: profiles. A case worker can ask which profile fits a client. That is only advice. The case worker decides.",
            Type = nl ? "Zelflerend algoritme" : "Self-learning algorithm",
            Category = [nl ? "Werk en inkomen" : "Work and income", nl ? "Sociale zekerheid" : "Social security"],
            Status = model is null ? (nl ? "In ontwikkeling" : "In development") : (nl ? "In gebruik" : "In use"),
            Website = settings["Website"],
            Goal = nl
                ? "Medewerkers helpen om sneller passende ondersteuning te vinden, door te laten zien welke groep huishoudens het meest lijkt op de situatie van een cli\u00ebnt."
                : "Help case workers find fitting support sooner, by showing which group of households is most like a client's situation.",
            Impact = nl
                ? "Het advies kan het gesprek over ondersteuning sturen. Er volgt nooit automatisch een besluit uit. De cli\u00ebnt ziet de uitleg, ziet wie de gegevens gebruikte en kan bezwaar maken."
                : "The advice can steer the conversation about support. A decision never follows automatically. The client sees the explanation, sees who used the data and can object.",
            Proportionality = nl
                ? "Alleen de gegevens die nodig zijn voor de profielen worden gebruikt, gepseudonimiseerd. Profielen tonen nooit groepen kleiner dan het minimum. Het advies vervangt geen gesprek; de cli\u00ebnt kan altijd zeggen \u201cDit ben ik niet\u201d of \u201cIk wil dit niet\u201d."
                : "Only the data needed for the profiles is used, pseudonymised. Profiles never show groups below the minimum. The advice replaces no conversation; the client can always say \u201cThis is not me\u201d or \u201cI don't want this\u201d.",
            DecisionMakingProcess = nl
                ? "De medewerker vraagt een advies, bekijkt de uitleg en legt een eigen besluit vast (volgen of afwijken) met een toelichting."
                : "The case worker asks for advice, reads the explanation and records their own decision (follow or deviate) with reasons.",
            HumanIntervention = nl
                ? "Een medewerker beslist altijd zelf en mag afwijken. Een besluit wordt pas vastgelegd met naam en toelichting van de medewerker. Zolang een bezwaar open staat, wordt het advies niet gegeven."
                : "A case worker always decides and may deviate. A decision is only recorded with the case worker's name and reasons. While an objection is open, the advice is not given.",
            Risks = nl
                ? "Een profiel kan een persoon verkeerd beschrijven; daarom geven wij de marge (een klein verschil heet onzeker) en kan de cli\u00ebnt bezwaar maken. Profielen kunnen ongelijkheid versterken; daarom tellen beschermde gegevens niet mee en controleren wij de profielen daarop. Gegevens kunnen uitlekken; daarom alleen pseudoniemen en afgeronde aantallen van minstens het minimum."
                : "A profile can describe a person wrongly; so we give the margin (a small difference is called uncertain) and the client can object. Profiles can reinforce inequality; so protected details do not count and we check the profiles for it. Data can leak; so only pseudonyms and rounded counts of at least the minimum.",
            LawfulBasis = settings["LawfulBasis"]
                ?? (nl ? "Nog niet ingevuld door de organisatie." : "Not yet filled in by the organisation."),
            CompetentAuthority = tenant.Name,
            SourceData = sourceData,
            MethodsAndModels = methods,
            Provider = "Datawijs (open source, EUPL-1.2)",
            BeginDate = model?.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ContactEmail = settings["ContactEmail"] ?? configuration["Transparency:ContactEmail"],
            Area = tenant.Name,
            Lang = nl ? "NLD" : "ENG",
            ProfileSet = model is null ? null : new AlgorithmProfileSet
            {
                Id = model.ProfileSetId,
                Method = PublishedProfileSetModel.Method,
                K = model.K,
                Households = model.Households,
                PublishedAt = model.PublishedAt,
                Features = features.Select(f => new PublicFeature
                {
                    Name = f.Name,
                    Label = Label(f),
                    Role = f.Role.ToString().ToLowerInvariant(),
                    Mutable = f.Mutable,
                }).ToList(),
                MinimumCount = model.Disclosure.MinimumCount,
                RoundingBase = model.Disclosure.RoundingBase,
                FairnessCheck = fairness,
            },
        }, ct);
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
