namespace Datawijs.Api.Features.Assignments;

public sealed class AdviceNotice
{
    /// <summary>Always true: an assignment is advice for a person, never a decision.</summary>
    public bool IsAdvice { get; init; } = true;

    /// <summary>That this is advice and that a person decides and may deviate.</summary>
    public string Advice { get; init; } = "";

    /// <summary>The subject's right to object ("this is not me", "I don't want this").</summary>
    public string RightToObject { get; init; } = "";
}
