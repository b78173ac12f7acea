namespace Datawijs.Api.Features.MaturityModels.Views;

public sealed class MaturityModelList
{
    public IReadOnlyList<MaturityModelSummary> Items { get; init; } = [];
}
