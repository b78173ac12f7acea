using Datawijs.Domain;
using Datawijs.Api.Audit;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.Citizen;

/// <summary>The citizen-facing words for codes in the access log and objections, Dutch B1 and English.</summary>
public static class CitizenTexts
{
    public static string Action(string action, Language language)
    {
        var nl = language == Language.Dutch;
        return action switch
        {
            AuditActions.AssignmentCreate => nl ? "Er is een advies gemaakt over welk profiel bij u past." : "Advice was made on which profile fits you.",
            AuditActions.AssignmentRead => nl ? "Een medewerker heeft het advies over uw profiel bekeken." : "A case worker looked at the advice about your profile.",
            AuditActions.DecisionCreate => nl ? "Een medewerker heeft een besluit over het advies vastgelegd." : "A case worker recorded a decision on the advice.",
            AuditActions.ExplanationRead => nl ? "U heeft de uitleg over uw profiel bekeken." : "You looked at the explanation of your profile.",
            AuditActions.AccessLogRead => nl ? "U heeft bekeken wie uw gegevens gebruikte." : "You looked at who used your data.",
            AuditActions.ObjectionCreate => nl ? "Uw bezwaar is ontvangen." : "Your objection was received.",
            AuditActions.ObjectionRead => nl ? "Een medewerker heeft uw bezwaar bekeken." : "A case worker looked at your objection.",
            AuditActions.ObjectionReview => nl ? "Een medewerker heeft uw bezwaar beoordeeld." : "A case worker reviewed your objection.",
            _ => action,
        };
    }

    public static string Activity(string activity, Language language)
    {
        var nl = language == Language.Dutch;
        return activity switch
        {
            ProcessingActivities.ProfileAdvice => nl ? "Advies over passende ondersteuning met profielen" : "Advice on fitting support using profiles",
            ProcessingActivities.ObjectionHandling => nl ? "Behandeling van bezwaren tegen profielen" : "Handling objections to profiles",
            ProcessingActivities.CitizenAccess => nl ? "Inzage door uzelf" : "Access by yourself",
            _ => activity,
        };
    }

    public static string ObjectionReceived(Language language) => language == Language.English
        ? "We received your objection. While a person looks at it, we do not use the advice about your profile. You will hear what we decide."
        : "Wij hebben uw bezwaar ontvangen. Zolang een medewerker het bekijkt, gebruiken wij het advies over uw profiel niet. U hoort wat wij besluiten.";

    public static string HowProfilesWereMade(Language language) => language == Language.English
        ? "We made the profiles from data of many households, without names or numbers that point to a person. "
          + "The computer put households that look alike together in groups. Each group is a profile. "
          + "A group is only shown when it holds at least 10 households. Read more in the public description."
        : "Wij maakten de profielen met gegevens van veel huishoudens, zonder namen of nummers die naar een persoon wijzen. "
          + "De computer zette huishoudens die op elkaar lijken bij elkaar in groepen. Elke groep is een profiel. "
          + "Een groep tonen wij alleen als er minstens 10 huishoudens in zitten. Lees meer in de openbare beschrijving.";

    public static string Decision(string outcome, Language language) => (outcome, language) switch
    {
        ("follows", Language.English) => "A case worker has looked at the advice and decided to follow it.",
        ("follows", _) => "Een medewerker heeft het advies bekeken en besloten het te volgen.",
        (_, Language.English) => "A case worker has looked at the advice and decided differently.",
        _ => "Een medewerker heeft het advies bekeken en anders besloten.",
    };
}
