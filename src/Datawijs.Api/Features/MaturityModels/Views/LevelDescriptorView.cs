namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class LevelDescriptorView
{
    /// <summary>The answer value, 1–5.</summary>
    public int Value { get; init; }

    public string Text { get; init; } = "";
}
