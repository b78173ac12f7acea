using Datawijs.Api.OpenApi;

namespace Datawijs.Api.Features.Datasets.List;

[SchemaName("DatasetList")]
public sealed class Response
{
    public IReadOnlyList<Dataset> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
