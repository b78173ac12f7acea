using Datawijs.Domain;

namespace Datawijs.Api.Audit;

/// <summary>
/// The reason an audited endpoint records when the caller sends none (<see cref="AuditedAttribute.DefaultReason"/>).
/// It is stored in Dutch, as the log is kept; a citizen who reads their access log in English reads these in English.
/// A reason a caller sent is shown as it was sent.
/// </summary>
public static class DefaultReasons
{
    public static readonly LocalizedText AssignmentRead = new("Advies en besluit inzien voor de ondersteuning van de cliënt", "Viewing the advice and the decision, to support the client");
    public static readonly LocalizedText DecisionCreate = new("Besluit van de medewerker over het advies vastleggen", "Recording the case worker's decision on the advice");
    public static readonly LocalizedText AssignmentCreate = new("Advies over een passend profiel voor de ondersteuning van de cliënt", "Advice on a fitting profile, to support the client");
    public static readonly LocalizedText ObjectionCreate = new("Uw bezwaar tegen het gebruik van een profiel vastleggen", "Recording your objection to the use of a profile");
    public static readonly LocalizedText ExplanationRead = new("Uitleg over uw profiel op uw eigen verzoek", "Explaining your profile, at your own request");
    public static readonly LocalizedText AccessLogRead = new("Inzage in wie uw gegevens gebruikte, op uw eigen verzoek", "Showing who used your data, at your own request");
    public static readonly LocalizedText DataProcessingRead = new("Inzage in wie uw gegevens mag gebruiken en waarvoor, op uw eigen verzoek", "Showing who may use your data and for what, at your own request");
    public static readonly LocalizedText ObjectionsList = new("Bezwaren tegen profielen behandelen", "Handling objections to profiles");
    public static readonly LocalizedText ObjectionReview = new("Bezwaar tegen een profiel beoordelen", "Reviewing an objection to a profile");

    private static readonly Dictionary<string, string> EnglishOf = new LocalizedText[]
    {
        AssignmentRead, DecisionCreate, AssignmentCreate, ObjectionCreate, ExplanationRead, AccessLogRead, DataProcessingRead, ObjectionsList, ObjectionReview,
    }.ToDictionary(r => r.Nl, r => r.En, StringComparer.Ordinal);

    /// <summary>A stored reason in the reader's language: a default reason translated, any other as it is.</summary>
    public static string In(string stored, Language language) =>
        language == Language.English && EnglishOf.TryGetValue(stored, out var english) ? english : stored;
}
