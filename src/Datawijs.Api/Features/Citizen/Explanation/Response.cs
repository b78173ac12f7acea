namespace Datawijs.Api.Features.Citizen.Explanation;

/// <summary>
/// The citizen's own profile advice, the decision on it and the reviews of their objections, in plain
/// language (Dutch B1, or English on Accept-Language: en). Without advice or objections every part is
/// empty: the answer is the same whether or not anything is stored about the citizen.
/// </summary>
public sealed class Response
{
    /// <summary>nl or en.</summary>
    [Datawijs.Api.OpenApi.WireValues("nl", "en")]
    public string Language { get; init; } = "nl";

    /// <summary>none (no advice), advice, decided, contested (the citizen's objection is open) or withdrawn (an objection was upheld).</summary>
    [Datawijs.Api.OpenApi.WireValues("none", "advice", "decided", "contested", "withdrawn")]
    public string Status { get; init; } = "none";

    /// <summary>What the status means, in words.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>The current advice and why; null when there is none, or when the profiles it was based on are no longer available (the status, decision and objections are still shown).</summary>
    public CitizenAdvice? Advice { get; init; }

    /// <summary>The case worker's decision with its reasoning; null until a person decided.</summary>
    public CitizenDecision? Decision { get; init; }

    /// <summary>The citizen's objections, newest first, each with the review's outcome and reasoning once reviewed.</summary>
    public IReadOnlyList<CitizenObjection> Objections { get; init; } = [];

    /// <summary>How the profiles were made, with a link to the public description.</summary>
    public HowProfilesWereMade HowProfilesWereMade { get; init; } = new();

    /// <summary>The list of all published profiles, and that a profile is not the truth about a person.</summary>
    public ProfilesNotice Profiles { get; init; } = new();

    /// <summary>How to object: "this is not me" (notMe) or "I don't want this" (doNotWant).</summary>
    public RightToObject RightToObject { get; init; } = new();
}
