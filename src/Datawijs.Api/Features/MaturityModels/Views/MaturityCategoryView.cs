namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class MaturityCategoryView
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Weight of the category in the overall score.</summary>
    public double Weight { get; init; }

    public IReadOnlyList<MaturityQuestionView> Questions { get; init; } = [];

    /// <summary>Per level: how a category at that level reaches the next one.</summary>
    public IReadOnlyList<CategoryAdviceView> Advice { get; init; } = [];
}
