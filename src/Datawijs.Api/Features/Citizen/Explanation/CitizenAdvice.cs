namespace Datawijs.Api.Features.Citizen.Explanation;

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
