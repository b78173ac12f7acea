using Datawijs.Api.OpenApi;

namespace Datawijs.Api.Features.Organisations.List;

[SchemaName("OrganisationList")]
public sealed class Response
{
    public IReadOnlyList<Organisation> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
