namespace Datawijs.Api.Features.Citizen.Explanation;

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
