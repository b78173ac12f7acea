using Datawijs.Api.Features.Assignments;

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

public sealed class CitizenAdvice
{
    public Guid AssignmentId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public CitizenProfile Profile { get; init; } = new();

    /// <summary>All parts below together, one paragraph each.</summary>
    public string Text { get; init; } = "";

    /// <summary>Which profile is advised and what it means; that it is advice, not a decision.</summary>
    public string Advice { get; init; } = "";

    /// <summary>Why: the data that weighed most, in words.</summary>
    public string Reasons { get; init; } = "";

    /// <summary>Which of the citizen's data was used, and that nothing else was.</summary>
    public string DataUsed { get; init; } = "";

    /// <summary>The citizen's data the advice used, one item per detail, so they can check it is right.</summary>
    public IReadOnlyList<DataItem> Data { get; init; } = [];

    public string Certainty { get; init; } = "";

    /// <summary>What would have led to another profile.</summary>
    public string Alternative { get; init; } = "";

    /// <summary>That a person decides and may deviate.</summary>
    public string WhoDecides { get; init; } = "";

    /// <summary>When published: how long households in this profile usually take to stop (median and interval), a fact about the group, not about you (B1). Null otherwise.</summary>
    public string? Outflow { get; init; }
}

public sealed class CitizenDecision
{
    /// <summary>follows or deviates.</summary>
    [Datawijs.Api.OpenApi.WireValues("follows", "deviates")]
    public string Outcome { get; init; } = "";

    /// <summary>The decision in words.</summary>
    public string Text { get; init; } = "";

    /// <summary>The case worker's own reasoning, as they wrote it.</summary>
    public string? Reasoning { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}

public sealed class CitizenObjection
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>open, upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    /// <summary>What the status means for the citizen, in words.</summary>
    public string Text { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>The reviewer's reasoning, as they wrote it; null while open.</summary>
    public string? Reasoning { get; init; }
}

public sealed class CitizenProfile
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>What the profile means, in plain language; null when the profile set has no description.</summary>
    public string? Description { get; init; }
}

public sealed class HowProfilesWereMade
{
    public string Text { get; init; } = "";

    /// <summary>The public description of the algorithm (no login needed).</summary>
    public string Link { get; init; } = "";
}

public sealed class RightToObject
{
    public string Text { get; init; } = "";

    /// <summary>The kinds of objection: notMe and doNotWant.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
}

/// <summary>One detail of the citizen that the advice used, in words.</summary>
public sealed class DataItem
{
    public string Feature { get; init; } = "";

    public string Label { get; init; } = "";

    /// <summary>The value as the citizen reads it (e.g. "€ 16.800" or "een huurhuis").</summary>
    public string Value { get; init; } = "";

    /// <summary>The same as a sentence about the citizen (e.g. "U krijgt jeugdzorg." or "Uw inkomen per jaar is € 16.800.").</summary>
    public string Text { get; init; } = "";
}
