namespace Datawijs.Api.Features.MaturityModels;

public sealed class MaturityModelList
{
    public IReadOnlyList<MaturityModelSummary> Items { get; init; } = [];
}
