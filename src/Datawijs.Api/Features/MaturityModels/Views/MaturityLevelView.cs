namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class MaturityLevelView
{
    public int Level { get; init; }

    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public double Threshold { get; init; }
}
