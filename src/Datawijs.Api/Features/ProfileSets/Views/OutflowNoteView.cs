namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>Something left out of or uncertain in the analysis, e.g. a constant feature or a model that did not converge.</summary>
public sealed class OutflowNoteView
{
    public string Code { get; init; } = "";

    public string? Feature { get; init; }

    public string Message { get; init; } = "";
}
