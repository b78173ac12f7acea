using Datawijs.Domain;

namespace Datawijs.Api.Features.Assignments;

public sealed class AdviceNotice
{
    /// <summary>Always true: an assignment is advice for a person, never a decision.</summary>
    public bool IsAdvice { get; init; } = true;

    /// <summary>That this is advice and that a person decides and may deviate.</summary>
    public string Advice { get; init; } = "";

    /// <summary>The subject's right to object ("this is not me", "I don't want this").</summary>
    public string RightToObject { get; init; } = "";

    public static AdviceNotice In(Language language) => language == Language.English
        ? new AdviceNotice
        {
            Advice = "This is advice, not a decision. A person decides, looks at the client's own situation and may deviate from it.",
            RightToObject = "The client may object at any time: \u201cThis is not me\u201d or \u201cI don't want this\u201d. While an objection is open, the advice is not given.",
        }
        : new AdviceNotice
        {
            Advice = "Dit is een advies, geen besluit. Een medewerker beslist, kijkt naar de eigen situatie van de cli\u00ebnt en mag van het advies afwijken.",
            RightToObject = "De cli\u00ebnt mag altijd bezwaar maken: \u201cDit ben ik niet\u201d of \u201cIk wil dit niet\u201d. Zolang een bezwaar open staat, wordt het advies niet gegeven.",
        };
}
