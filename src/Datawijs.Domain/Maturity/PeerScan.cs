namespace Datawijs.Domain.Maturity;

/// <summary>A completed scan as input for benchmarks.</summary>
/// <param name="CategoryScores">Category id -> score; categories without a score are left out.</param>
public sealed record PeerScan(
    string ScanId,
    PeerOrganisation Organisation,
    string ModelId,
    DateTimeOffset CompletedAt,
    double Overall,
    IReadOnlyDictionary<string, double> CategoryScores)
{
    /// <summary>Builds the benchmark input from a stored score; <c>null</c> when the scan has no overall score.</summary>
    public static PeerScan? From(string scanId, PeerOrganisation organisation, DateTimeOffset completedAt, ScanScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Overall is not { } overall
            ? null
            : new PeerScan(
                scanId,
                organisation,
                score.ModelId,
                completedAt,
                overall,
                score.Categories.Where(c => c.Score is not null).ToDictionary(c => c.CategoryId, c => c.Score!.Value, StringComparer.Ordinal));
    }
}
