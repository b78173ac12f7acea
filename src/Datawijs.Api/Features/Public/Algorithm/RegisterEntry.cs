using System.Globalization;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Public.Algorithm;

/// <summary>
/// The register entry's texts: Dutch at B1 level (or English), short sentences a resident can read. The technical
/// method (algorithm, k, seed, the disclosure rules in figures) is kept apart in <c>profile_set.method_details</c>.
/// </summary>
public static class RegisterEntry
{
    public static Response For(
        string organisation,
        PublishedProfileSetModel? model,
        string? website,
        string? lawfulBasis,
        string? contactEmail,
        AlgorithmFairnessCheck? fairness,
        Language language)
    {
        var nl = language == Language.Dutch;
        var features = model?.Space.Features ?? [];
        string Label(FeatureDefinition f) => model!.Space.LabelOf(f.Name, language);
        var used = Join(features.Where(f => f.InDistance).Select(Label), nl);
        var protectedOnes = Join(features.Where(f => f.Role == FeatureRole.Protected).Select(Label), nl);
        var date = model is null ? "" : FairnessTexts.Date(model.PublishedAt, language);

        var sourceData = model is null
            ? (nl ? "Nog geen. Er zijn nog geen profielen gepubliceerd." : "None yet. No profiles have been published yet.")
            : (nl
                ? $"Wij kijken naar deze dingen van {model.Households} huishoudens. {Capitalise(used)}. Wij weten niet wie het zijn: wij zien geen namen of nummers."
                : $"We look at these details of {model.Households} households. {Capitalise(used)}. We do not know who they are: we see no names or numbers.")
              + (protectedOnes.Length == 0 ? "" : nl
                  ? $" Dit telt niet mee: {protectedOnes}. Dat is er alleen om te zien of een groep te vaak in een profiel zit."
                  : $" This does not count: {protectedOnes}. It is only there to see whether a group is too often in one profile.");
        var methods = model is null
            ? (nl ? "Nog geen. Er zijn nog geen profielen gepubliceerd." : "None yet. No profiles have been published yet.")
            : nl
                ? string.Create(CultureInfo.InvariantCulture, $"De computer zoekt groepen huishoudens die op elkaar lijken. Zo maakte hij {model.K} groepen: de profielen. Een medewerker kan vragen welk profiel het best past bij een inwoner. Wij laten dan ook zien waarom, en wat een ander profiel had gegeven. Een groep tonen wij alleen als er minstens {model.Disclosure.MinimumCount} huishoudens in zitten. Aantallen ronden wij af. Zo is niemand te herkennen. Deze profielen gebruiken wij sinds {date}.")
                : string.Create(CultureInfo.InvariantCulture, $"The computer looks for groups of households that are alike. So it made {model.K} groups: the profiles. A case worker can ask which profile fits a resident best. We then also show why, and what would have given another profile. We only show a group when it holds at least {model.Disclosure.MinimumCount} households. We round all counts. So no one can be recognised. We have used these profiles since {date}.");

        return new Response
        {
            Name = nl ? "Profielen voor passende hulp" : "Profiles for fitting support",
            Organization = organisation,
            DescriptionShort = nl
                ? "Wij delen huishoudens die op elkaar lijken in groepen in: profielen. Een medewerker kan vragen welk profiel bij een inwoner past. Dat is alleen een advies. De medewerker beslist zelf."
                : "We sort households that look alike into groups: profiles. A case worker can ask which profile fits a resident. That is only advice. The case worker decides.",
            Type = nl ? "Zelflerend algoritme" : "Self-learning algorithm",
            Category = [nl ? "Werk en inkomen" : "Work and income", nl ? "Sociale zekerheid" : "Social security"],
            Status = model is null ? (nl ? "In ontwikkeling" : "In development") : (nl ? "In gebruik" : "In use"),
            Website = website,
            Goal = nl
                ? "Medewerkers sneller passende hulp laten vinden. Het profiel laat zien welke groep huishoudens het meest lijkt op de situatie van een inwoner."
                : "Help case workers find fitting support sooner. The profile shows which group of households is most like a resident's situation.",
            Impact = nl
                ? "Het advies kan het gesprek over hulp sturen. Er volgt nooit vanzelf een besluit uit. De inwoner ziet de uitleg. Hij ziet ook wie de gegevens gebruikte en kan bezwaar maken."
                : "The advice can steer the talk about support. A decision never follows from it by itself. The resident sees the explanation. They also see who used the data, and they can object.",
            Proportionality = nl
                ? "Wij gebruiken alleen de gegevens die nodig zijn, zonder namen of nummers. Wij tonen nooit kleine groepen. Het advies komt niet in de plaats van een gesprek. De inwoner kan altijd zeggen: \u201cDit ben ik niet\u201d of \u201cIk wil dit niet\u201d."
                : "We only use the data we need, without names or numbers. We never show small groups. The advice does not take the place of a talk. The resident can always say: \u201cThis is not me\u201d or \u201cI don't want this\u201d.",
            DecisionMakingProcess = nl
                ? "De medewerker vraagt een advies en leest de uitleg. Dan legt hij een eigen besluit vast: het advies volgen of ervan afwijken. Hij schrijft erbij waarom."
                : "The case worker asks for advice and reads the explanation. Then they record their own decision: follow the advice or not. They write down why.",
            HumanIntervention = nl
                ? "Een medewerker beslist altijd zelf en mag afwijken. Een besluit telt pas met de naam van de medewerker en een uitleg. Zolang een bezwaar open staat, geven wij het advies niet."
                : "A case worker always decides and may do otherwise. A decision only counts with the case worker's name and reasons. While an objection is open, we do not give the advice.",
            Risks = nl
                ? "Een profiel kan niet goed bij iemand passen. Daarom zeggen wij hoe zeker het advies is. En de inwoner kan bezwaar maken. Profielen kunnen ongelijkheid groter maken. Daarom tellen sommige gegevens niet mee. En wij kijken of een groep te vaak in een profiel zit. Gegevens kunnen uitlekken. Daarom gebruiken wij geen namen of nummers. En wij tonen alleen afgeronde aantallen."
                : "A profile may not fit someone well. So we say how sure the advice is. And the resident can object. Profiles can make inequality worse. So some details do not count. And we check whether a group is too often in one profile. Data can leak. So we use no names or numbers. And we only show rounded counts.",
            LawfulBasis = lawfulBasis ?? (nl ? "Nog niet ingevuld door de organisatie." : "Not yet filled in by the organisation."),
            CompetentAuthority = organisation,
            SourceData = sourceData,
            MethodsAndModels = methods,
            Provider = "Datawijs (open source, EUPL-1.2)",
            BeginDate = model?.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ContactEmail = contactEmail,
            Area = organisation,
            Lang = nl ? "NLD" : "ENG",
            ProfileSet = model is null ? null : new AlgorithmProfileSet
            {
                Id = model.ProfileSetId,
                Method = PublishedProfileSetModel.Method,
                MethodDetails = MethodDetails(model, language),
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
        };
    }

    /// <summary>The method for specialists: algorithm, k, seed, how advice is computed and the disclosure rules in figures.</summary>
    public static string MethodDetails(PublishedProfileSetModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        return language == Language.Dutch
            ? string.Create(CultureInfo.InvariantCulture, $"Clustering met {PublishedProfileSetModel.Method} op gemengde gegevens (getallen en categorie\u00ebn), k = {model.K} profielen, vaste seed {model.Seed}, gepubliceerd op {model.PublishedAt:yyyy-MM-dd}. Een cli\u00ebnt krijgt als advies het dichtstbijzijnde profiel, met de bijdrage van elk gegeven (op twee decimalen, gemeten tegen de afgeronde profielwaarden) en een tegenvoorbeeld (de kleinste verandering die een ander profiel geeft). Openbaarmakingsregels: elk getoond aantal is minstens {model.Disclosure.MinimumCount} huishoudens en wordt afgerond op {model.Disclosure.RoundingBase}, ook het totaal aantal huishoudens; percentages en verhoudingen komen uit de afgeronde aantallen; 0 % en 100 % worden niet getoond; getallen alleen als afgeronde mediaan.")
            : string.Create(CultureInfo.InvariantCulture, $"Clustering with {PublishedProfileSetModel.Method} on mixed data (numbers and categories), k = {model.K} profiles, fixed seed {model.Seed}, published on {model.PublishedAt:yyyy-MM-dd}. A client is advised the nearest profile, with the contribution of each detail (two decimals, measured against the rounded profile values) and a counterfactual (the smallest change that gives another profile). Disclosure rules: every published count is at least {model.Disclosure.MinimumCount} households and is rounded to {model.Disclosure.RoundingBase}, the total number of households included; percentages and lifts come from the rounded counts; 0 % and 100 % are not shown; numbers only as rounded medians.");
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(IEnumerable<string> items, bool nl)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + (nl ? " en " : " and ") + list[^1];
    }
}
