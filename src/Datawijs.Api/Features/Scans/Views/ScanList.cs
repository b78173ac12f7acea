namespace Datawijs.Api.Features.Scans.Views;

public sealed class ScanList
{
    public IReadOnlyList<Scan> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
