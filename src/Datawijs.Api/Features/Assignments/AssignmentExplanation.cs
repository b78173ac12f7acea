namespace Datawijs.Api.Features.Assignments;

/// <summary>The explanation in parts, so a screen can lay them out; <c>text</c> is all parts together.</summary>
public sealed class AssignmentExplanation
{
    /// <summary>nl or en.</summary>
    [Datawijs.Api.OpenApi.WireValues("nl", "en")]
    public string Language { get; init; } = "nl";

    public string Text { get; init; } = "";

    public string Advice { get; init; } = "";

    public string Reasons { get; init; } = "";

    public string DataUsed { get; init; } = "";

    public string Certainty { get; init; } = "";

    public string Alternative { get; init; } = "";

    public string WhoDecides { get; init; } = "";

    public string RightToObject { get; init; } = "";

    /// <summary>
    /// When the published set has time to outflow: the profile's median with its interval, as a fact about the
    /// group and never a prediction for the person (B1). Null when not published, withheld or not reached.
    /// </summary>
    public string? Outflow { get; init; }
}
