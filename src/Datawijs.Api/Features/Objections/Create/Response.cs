namespace Datawijs.Api.Features.Objections.Create;

/// <summary>The receipt of an objection, for the citizen.</summary>
public sealed class Response
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>open until a person reviews it.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What happens now, in plain language.</summary>
    public string Text { get; init; } = "";
}
