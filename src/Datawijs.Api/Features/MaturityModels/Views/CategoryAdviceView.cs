namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class CategoryAdviceView
{
    /// <summary>The level the category stands at when this advice applies.</summary>
    public int Level { get; init; }

    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>How much work the step takes: small (weeks, people in place), medium (a project of months) or large (a programme of a year or more).</summary>
    [Datawijs.Api.OpenApi.WireValues("small", "medium", "large")]
    public string Effort { get; init; } = "";
}
