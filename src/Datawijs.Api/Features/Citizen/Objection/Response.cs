namespace Datawijs.Api.Features.Citizen.Objection;

/// <summary>The receipt of an objection, for the citizen.</summary>
public sealed class Response
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    public string Kind { get; init; } = "";

    /// <summary>open until a person reviews it.</summary>
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What happens now, in plain language.</summary>
    public string Text { get; init; } = "";
}
