namespace Datawijs.Api.Features.Scans.Views;

/// <summary>The stored score of a completed scan, with its peer position and progress.</summary>
public sealed class ScanScoreReport
{
    public Guid ScanId { get; init; }

    public Guid OrganisationId { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public int RespondentCount { get; init; }

    /// <summary>How respondents were combined per category: median (default) or mean.</summary>
    [Datawijs.Api.OpenApi.WireValues("median", "mean")]
    public string Combination { get; init; } = "";

    public IReadOnlyList<CategoryScoreView> Categories { get; init; } = [];

    public OverallScoreView Overall { get; init; } = new();

    /// <summary>Categories nobody answered; they are left out of the overall score.</summary>
    public IReadOnlyList<string> ExcludedCategoryIds { get; init; } = [];

    public PeerPositionView Peer { get; init; } = new();

    /// <summary>Progress since the organisation's first completed scan of the same model; null when this is the first.</summary>
    public ScoreProgressView? Progress { get; init; }

    /// <summary>The scan per respondent role, and where the roles see the organisation differently.</summary>
    public RoleComparisonView Roles { get; init; } = new();
}
