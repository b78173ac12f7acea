using Datawijs.Domain;
using Datawijs.Api.Audit;

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
            AuditActions.DataProcessingRead => nl ? "U heeft bekeken wie uw gegevens mag gebruiken en waarvoor." : "You looked at who may use your data and what for.",
            AuditActions.ObjectionCreate => nl ? "Uw bezwaar is ontvangen." : "Your objection was received.",
            AuditActions.ObjectionRead => nl ? "Een medewerker heeft uw bezwaar bekeken." : "A case worker looked at your objection.",
            AuditActions.ObjectionReview => nl ? "Een medewerker heeft uw bezwaar beoordeeld." : "A case worker reviewed your objection.",
            _ => action,
        };
    }

    /// <summary>The processing activity in words; <paramref name="application"/> is the application that did it (for the citizen's own reads, the portal they used).</summary>
    public static string Activity(string activity, Language language, string? application = null)
    {
        var nl = language == Language.Dutch;
        return activity switch
        {
            ProcessingActivities.ProfileAdvice => nl ? "Advies over passende ondersteuning met profielen" : "Advice on fitting support using profiles",
            ProcessingActivities.ObjectionHandling => nl ? "Behandeling van bezwaren tegen profielen" : "Handling objections to profiles",
            // The portal read it with the citizen's login; we cannot know who sat behind the screen, so we say which portal.
            ProcessingActivities.CitizenAccess => nl ? "Inzage via " + (application ?? "het portaal") : "Access via " + (application ?? "the portal"),
            ProcessingActivities.ProfileMaking => nl ? "Groepen (profielen) maken uit gegevens zonder naam" : "Making groups (profiles) from data without names",
            _ => activity,
        };
    }

    /// <summary>The review of an objection in words; null while it is open.</summary>
    public static string ObjectionStatus(string status, string kind, Language language)
    {
        var nl = language == Language.Dutch;
        return (status, kind) switch
        {
            ("upheld", "doNotWant") => nl
                ? "Uw bezwaar is toegekend. Wij gebruiken geen profielen meer voor u, en uw gegevens niet meer om nieuwe groepen te maken."
                : "Your objection was upheld. We no longer use profiles for you, nor your data to make new groups.",
            ("upheld", _) => nl
                ? "Uw bezwaar is toegekend. Wij gebruiken geen profielen meer voor u."
                : "Your objection was upheld. We no longer use profiles for you.",
            ("rejected", _) => nl
                ? "Uw bezwaar is afgewezen. Hieronder staat waarom. Het advies kan weer gebruikt worden; een medewerker beslist altijd zelf."
                : "Your objection was rejected. The reason is below. The advice may be used again; a case worker always decides.",
            _ => nl
                ? "Een medewerker bekijkt uw bezwaar nog. Zolang gebruiken wij het advies over uw profiel niet."
                : "A case worker is still looking at your objection. Until then we do not use the advice about your profile.",
        };
    }

    public static string RightToObjectWithoutAdvice(Language language) => language == Language.English
        ? "Do you not want us to use profiles for you, or your data to make them? Then say: \u201cI don't want this\u201d. A person will look at your response."
        : "Wilt u niet dat wij profielen voor u gebruiken, of uw gegevens om ze te maken? Zeg dan: \u201cIk wil dit niet\u201d. Een medewerker bekijkt dan uw reactie.";

    public static string NoAdvice(Language language) => language == Language.English
        ? "There is no advice about you based on a profile."
        : "Er is geen advies over u op basis van een profiel.";

    public static string Withdrawn(Language language) => language == Language.English
        ? "Because your objection was upheld, we no longer use a profile for you."
        : "Omdat uw bezwaar is toegekend, gebruiken wij geen profiel meer voor u.";

    /// <summary>
    /// Advice that still stands while the profiles it was based on are gone (their dataset was deleted): what is
    /// still true, without the profile.
    /// </summary>
    public static string AdviceWithoutProfiles(string status, string? decision, Language language)
    {
        var english = language == Language.English;
        var gone = english
            ? "There is advice about you based on a profile. The profiles it was based on are gone. So we can no longer show which profile it was, or why."
            : "Er is een advies over u gegeven op basis van een profiel. De profielen waarop het advies was gebaseerd, zijn niet meer beschikbaar. Daarom kunnen wij niet meer laten zien welk profiel het was en waarom.";
        var then = status switch
        {
            "contested" => ObjectionStatus("open", "notMe", language),
            _ when decision is not null => Decision(decision, language) + (english ? " The reasoning is below." : " Hieronder staat waarom."),
            _ => english ? "A case worker has not decided about it yet. A person always decides." : "Een medewerker heeft er nog niet over besloten. Een mens beslist altijd zelf.",
        };
        return gone + " " + then;
    }

    /// <summary>Correlation is not causation, in plain words.</summary>
    public static string ProfileCaveat(Language language) => language == Language.English
        ? "A profile shows what is more frequent in a group than among all households. It does not say what is true of you. "
          + "And when things often go together, that does not mean that one causes the other."
        : "Een profiel laat zien wat in een groep vaker voorkomt dan bij alle huishoudens samen. Het zegt niet wat voor u waar is. "
          + "En als dingen vaak samen voorkomen, betekent dat niet dat het een door het ander komt.";

    public static string AllProfiles(Language language) => language == Language.English
        ? "All profiles we use, and how we made them, are public."
        : "Alle profielen die wij gebruiken, en hoe wij ze maakten, zijn openbaar.";

    public static string ExcludedFromClusterings(bool excluded, Language language) => (excluded, language) switch
    {
        (true, Language.English) => "You said you do not want this, and that was upheld. So we no longer use your data to make new groups (profiles).",
        (true, _) => "U heeft gezegd dat u dit niet wilt, en dat is toegekend. Daarom gebruiken wij uw gegevens niet meer om nieuwe groepen (profielen) te maken.",
        (false, Language.English) => "Your data may be used, without your name or number, to make groups (profiles). If you do not want this, you can object.",
        _ => "Uw gegevens kunnen, zonder uw naam of nummer, gebruikt worden om groepen (profielen) te maken. Wilt u dat niet? Dan kunt u bezwaar maken.",
    };

    public static string DatasetsIntro(int count, Language language) => (count, language) switch
    {
        (0, Language.English) => "None of our data files for making profiles holds data about you.",
        (0, _) => "In geen van onze bestanden voor het maken van profielen staan gegevens over u.",
        (_, Language.English) => "These data files for making profiles hold data about you, without your name or number. Each says what it is for and until when we keep it.",
        _ => "In deze bestanden voor het maken van profielen staan gegevens over u, zonder uw naam of nummer. Bij elk staat waarvoor het is en tot wanneer wij het bewaren.",
    };

    public static string MayLookIntro(Language language) => language == Language.English
        ? "These applications of the municipality may use your data, each only for what is listed with it. Your access log shows who actually did."
        : "Deze programma's van de gemeente mogen uw gegevens gebruiken, elk alleen voor wat erbij staat. In uw logboek ziet u wie dat echt deed.";

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
        ("follows", Language.English) => "A case worker looked at the advice. They chose to follow it.",
        ("follows", _) => "Een medewerker keek naar het advies. Die besloot het advies te volgen.",
        (_, Language.English) => "A case worker looked at the advice. They chose to do something else.",
        _ => "Een medewerker keek naar het advies. Die besloot iets anders te doen.",
    };
}
