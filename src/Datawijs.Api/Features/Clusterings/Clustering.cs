using Datawijs.Data.Clusterings;
using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Clusterings;

/// <summary>What was asked for: a fixed k, or a range to choose k from by silhouette.</summary>
public sealed record ClusteringOptions(int? K, int? KMin, int? KMax, long Seed, int Restarts)
{
    public const long DefaultSeed = 20240501;
    public const int DefaultRestarts = 5;
    public const int DefaultKMin = 2;
    public const int DefaultKMax = 8;

    public KPrototypesOptions ToDomain(int? maxDegreeOfParallelism) => new()
    {
        K = K,
        KMin = K is null ? KMin ?? DefaultKMin : DefaultKMin,
        KMax = K is null ? KMax ?? Math.Max(DefaultKMax, KMin ?? DefaultKMin) : DefaultKMax,
        Seed = Seed,
        Restarts = Restarts,
        MaxDegreeOfParallelism = maxDegreeOfParallelism,
    };
}

/// <summary>The stored result of a finished clustering (no exact cluster sizes leave the server).</summary>
public sealed record ClusteringOutcome(
    int K,
    int? RequestedK,
    double Cost,
    double Gamma,
    int Iterations,
    int Households,
    bool MeetsMinimumClusterSize,
    IReadOnlyList<KQuality> QualityPerK,
    IReadOnlyList<ClusteringNote> Notes,
    long LoadMilliseconds,
    long FitMilliseconds,
    long DescribeMilliseconds);

public sealed class ClusteringRequestView
{
    /// <summary>The fixed number of clusters, if one was given.</summary>
    public int? K { get; init; }

    /// <summary>The range k was chosen from (by mean silhouette) when no k was given.</summary>
    public int? KMin { get; init; }

    public int? KMax { get; init; }

    public long Seed { get; init; }

    public int Restarts { get; init; }
}

/// <summary>Quality of the best restart for one k.</summary>
public sealed class KQualityView
{
    public int K { get; init; }

    /// <summary>Sum of dissimilarities to the own prototype (lower is tighter).</summary>
    public double Cost { get; init; }

    /// <summary>Mean silhouette on a seeded sample (-1..1, higher is better); null for k = 1.</summary>
    public double? Silhouette { get; init; }

    /// <summary>Whether every cluster has at least 10 households.</summary>
    public bool MeetsMinimumClusterSize { get; init; }

    public int Iterations { get; init; }
}

public sealed class ClusteringNoteView
{
    /// <summary>kReducedForMinimumClusterSize, kSkippedForMinimumClusterSize, datasetTooSmall, notConverged or gammaWithoutNumerics.</summary>
    [Datawijs.Api.OpenApi.WireValues("kReducedForMinimumClusterSize", "kSkippedForMinimumClusterSize", "datasetTooSmall", "notConverged", "gammaWithoutNumerics")]
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";
}

public sealed class ClusteringTimings
{
    public long? LoadMilliseconds { get; init; }

    public long? FitMilliseconds { get; init; }

    public long? DescribeMilliseconds { get; init; }
}

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
