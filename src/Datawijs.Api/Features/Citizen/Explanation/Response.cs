using Datawijs.Api.Features.Assignments;

namespace Datawijs.Api.Features.Citizen.Explanation;

/// <summary>The citizen's current profile advice in plain language (Dutch B1, or English on Accept-Language: en).</summary>
public sealed class Response
{
    /// <summary>nl or en.</summary>
    public string Language { get; init; } = "nl";

    public Guid AssignmentId { get; init; }

    /// <summary>advice, decided or contested (the citizen's objection is open).</summary>
    public string Status { get; init; } = "";

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

    /// <summary>How the profiles were made, with a link to the public description.</summary>
    public HowProfilesWereMade HowProfilesWereMade { get; init; } = new();

    /// <summary>That a person decides and may deviate.</summary>
    public string WhoDecides { get; init; } = "";

    /// <summary>The case worker's decision in words; null until a person decided.</summary>
    public string? Decision { get; init; }

    /// <summary>How to object: "this is not me" (notMe) or "I don't want this" (doNotWant).</summary>
    public RightToObject RightToObject { get; init; } = new();

    /// <summary>The citizen's latest objection, if any.</summary>
    public ObjectionState? Objection { get; init; }
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

    /// <summary>The value as the citizen reads it (e.g. "16.800" or "huurhuis").</summary>
    public string Value { get; init; } = "";
}
