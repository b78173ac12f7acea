namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class MaturityQuestionView
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>Weight of the question within its category.</summary>
    public double Weight { get; init; }

    /// <summary>What each answer 1–5 means.</summary>
    public IReadOnlyList<LevelDescriptorView> LevelDescriptors { get; init; } = [];
}
