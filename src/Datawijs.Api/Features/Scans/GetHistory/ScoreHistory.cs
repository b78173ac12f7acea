namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class ScoreHistory
{
    public Guid OrganisationId { get; init; }

    /// <summary>Completed scans, oldest first.</summary>
    public IReadOnlyList<ScoreHistoryEntry> Items { get; init; } = [];
}
