using Datawijs.Data.Clusterings;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>A k-prototypes clustering job on a dataset.</summary>
public sealed class Clustering
{
    public Guid Id { get; init; }

    public Guid DatasetId { get; init; }

    /// <summary>queued, running, succeeded, failed or cancelled.</summary>
    [Datawijs.Api.OpenApi.WireValues("queued", "running", "succeeded", "failed", "cancelled")]
    public string Status { get; init; } = "";

    /// <summary>0 to 1.</summary>
    public double Progress { get; init; }

    /// <summary>What a running job is doing (loading, fitting k = 3, silhouette...).</summary>
    public string? Phase { get; init; }

    /// <summary>True once cancellation was asked for.</summary>
    public bool CancellationRequested { get; init; }

    public ClusteringRequestView Requested { get; init; } = new();

    /// <summary>The chosen number of clusters (after a success).</summary>
    public int? K { get; init; }

    /// <summary>The weight of one categorical mismatch against squared standardised numeric differences.</summary>
    public double? Gamma { get; init; }

    public double? Cost { get; init; }

    public bool? MeetsMinimumClusterSize { get; init; }

    /// <summary>Every k that was fitted, in order.</summary>
    public IReadOnlyList<KQualityView> QualityPerK { get; init; } = [];

    public IReadOnlyList<ClusteringNoteView> Notes { get; init; } = [];

    /// <summary>Why the job failed or was cancelled.</summary>
    public string? Error { get; init; }

    public ClusteringTimings Timings { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public static Clustering From(ClusteringRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var options = StoredJson.Read<ClusteringOptions>(row.Options);
        var effective = options.ToDomain(null);
        var outcome = row.Outcome is null ? null : StoredJson.Read<ClusteringOutcome>(row.Outcome);
        return new Clustering
        {
            Id = row.Id,
            DatasetId = row.DatasetId,
            Status = row.Status,
            Progress = row.Progress,
            Phase = row.Phase,
            CancellationRequested = row.CancelRequested,
            Requested = new ClusteringRequestView
            {
                K = options.K,
                KMin = options.K is null ? effective.KMin : null,
                KMax = options.K is null ? effective.KMax : null,
                Seed = options.Seed,
                Restarts = options.Restarts,
            },
            K = outcome?.K,
            Gamma = outcome?.Gamma,
            Cost = outcome?.Cost,
            MeetsMinimumClusterSize = outcome?.MeetsMinimumClusterSize,
            QualityPerK = outcome?.QualityPerK.Select(q => new KQualityView
            {
                K = q.K,
                Cost = q.Cost,
                Silhouette = q.Silhouette,
                MeetsMinimumClusterSize = q.MeetsMinimumClusterSize,
                Iterations = q.Iterations,
            }).ToList() ?? [],
            Notes = outcome?.Notes.Select(n => new ClusteringNoteView { Code = n.Code, Message = n.Message }).ToList() ?? [],
            Error = row.Error,
            Timings = new ClusteringTimings
            {
                LoadMilliseconds = outcome?.LoadMilliseconds,
                FitMilliseconds = outcome?.FitMilliseconds,
                DescribeMilliseconds = outcome?.DescribeMilliseconds,
            },
            CreatedAt = row.CreatedAt,
            StartedAt = row.StartedAt,
            FinishedAt = row.FinishedAt,
        };
    }
}
