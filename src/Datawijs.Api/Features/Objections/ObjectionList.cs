namespace Datawijs.Api.Features.Objections;

public sealed class ObjectionList
{
    public IReadOnlyList<Objection> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
