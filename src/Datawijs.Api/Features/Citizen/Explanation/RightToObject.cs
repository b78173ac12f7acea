namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class RightToObject
{
    public string Text { get; init; } = "";

    /// <summary>The kinds of objection: notMe and doNotWant.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
}
