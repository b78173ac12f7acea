namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class ScoreList
{
    public IReadOnlyList<ScoreEntry> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
