using System.Collections.Concurrent;
using Datawijs.Data.Scans;
using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>
/// What the reads of stored scores need, kept so that a busy read costs no database round trip.
/// <list type="bullet">
/// <item>A completed scan never changes and is never deleted (its score is stored once), and neither
/// does the baseline its progress is measured from (the organisation's first completed scan of the
/// model before it). Both are kept once read, up to <see cref="MaxScans"/>, then afresh; the
/// baseline only once the scan completed <see cref="PeersFor"/> ago, so that a completion racing
/// with it has committed.</item>
/// <item>The peers of a model (every completed scan across the installation, with the organisation's
/// kind and size) are read once per <see cref="PeersFor"/> and shared by every peer group's benchmark.
/// This process forgets them at once when it completes a scan or changes an organisation; such a change
/// also raises the tenant's peers counter, so another instance on the same database forgets them within
/// <see cref="Caching.ChangeWatch.Bound"/>. A rendered score report is kept with the peers it was made from.</item>
/// </list>
/// </summary>
public sealed class StoredScores(
    ScanRepository scans, TimeProvider clock, PeerThresholds thresholds, Caching.ChangeWatch watch, Data.Changes.ChangeCounterRepository counters)
{
    public static readonly TimeSpan PeersFor = TimeSpan.FromSeconds(5);

    // More distinct scans than this means a large installation; start afresh rather than grow.
    private const int MaxScans = 10_000;

    private readonly ConcurrentDictionary<Guid, CompletedScan> _scans = new();
    private readonly ConcurrentDictionary<Guid, (CompletedScanRow Scan, ScoreProgress Progress)?> _baselines = new();
    private readonly ConcurrentDictionary<Guid, RoleComparison> _roles = new();
    private readonly ConcurrentDictionary<string, Task<Peers>> _peers = new(StringComparer.Ordinal);
    private readonly Lock _reload = new();
    private long _generation;

    /// <summary>The tenant's scan, with its score when it is completed; null when the tenant has no such scan.</summary>
    public async Task<(ScanRow Row, CompletedScan? Completed)?> FindAsync(Guid tenantId, Guid scanId, CancellationToken ct)
    {
        if (_scans.TryGetValue(scanId, out var kept))
        {
            return kept.Row.TenantId == tenantId ? (kept.Row, kept) : null;
        }

        var row = await scans.FindAsync(tenantId, scanId, ct);
        if (row is null)
        {
            return null;
        }

        if (row.CompletedAt is null || row.Score is null)
        {
            return (row, null);
        }

        var completed = new CompletedScan(row, StoredScans.ModelOf(row.ModelId), ScanJson.ReadScore(row.Score));
        Keep(_scans, scanId, completed);
        return (row, completed);
    }

    /// <summary>
    /// The completed scan per respondent role, from its frozen answers with the pinned model and the scan's own
    /// combination; kept once read, as the answers of a completed scan never change.
    /// </summary>
    public async Task<RoleComparison> RolesAsync(CompletedScan scan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (_roles.TryGetValue(scan.Row.Id, out var kept))
        {
            return kept;
        }

        var responses = await scans.ListResponsesAsync(scan.Row.TenantId, scan.Row.Id, ct);
        var roles = RoleScores.Compare(scan.Model, responses.Select(StoredScans.ToDomain).ToList(), scan.Score.Combination);
        Keep(_roles, scan.Row.Id, roles);
        return roles;
    }

    /// <summary>Progress since the organisation's first completed scan of the same model; null when this scan is the first.</summary>
    private async Task<(CompletedScanRow Scan, ScoreProgress Progress)?> ProgressAsync(CompletedScan scan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (_baselines.TryGetValue(scan.Row.Id, out var kept))
        {
            return kept;
        }

        var baseline = (await scans.CompletedForOrganisationAsync(scan.Row.TenantId, scan.Row.OrganisationId, ct))
            .FirstOrDefault(s => s.ModelId == scan.Row.ModelId && s.Id != scan.Row.Id && s.Score is not null && s.CompletedAt < scan.Row.CompletedAt);
        var progress = baseline is not null && ScoreProgress.Between(ScanJson.ReadScore(baseline.Score), scan.Score) is { } p
            ? (baseline, p)
            : ((CompletedScanRow, ScoreProgress)?)null;
        if (IsSettled(scan))
        {
            Keep(_baselines, scan.Row.Id, progress);
        }

        return progress;
    }

    /// <summary>
    /// The peer benchmark of a group for a model, over the completed scans of every other tenant than
    /// <paramref name="viewer"/>, as that tenant may see it (<see cref="PeerBenchmarks.Compute"/>).
    /// </summary>
    public async Task<PeerBenchmark> BenchmarkAsync(MaturityModel model, PeerGroup group, Guid viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        return Benchmark(await PeersAsync(model, ct), model, group, viewer);
    }

    /// <summary>
    /// A scan's score report as rendered by <paramref name="render"/> from its peer benchmark and
    /// progress; the rendering is kept with the peers it was made from, so it is made again when they are.
    /// </summary>
    public async Task<byte[]> ReportAsync(
        CompletedScan scan,
        PeerGroup group,
        Language language,
        Func<PeerBenchmark, (CompletedScanRow Scan, ScoreProgress Progress)?, byte[]> render,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(render);
        var peers = await PeersAsync(scan.Model, ct);
        var key = (scan.Row.Id, group.Id, language);
        if (peers.Reports.TryGetValue(key, out var rendered))
        {
            return rendered;
        }

        rendered = render(Benchmark(peers, scan.Model, group, scan.Row.TenantId), await ProgressAsync(scan, ct));
        if (IsSettled(scan) && peers.Reports.Count < MaxScans)
        {
            peers.Reports.TryAdd(key, rendered);
        }

        return rendered;
    }

    /// <summary>Forget the peers: a scan was completed or an organisation's kind or size changed (here and, through the counter, on every instance).</summary>
    public async Task PeersChangedAsync(Guid tenantId, CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        await counters.BumpAsync(tenantId, Data.Changes.ChangeKinds.Peers, ct);
    }

    // Completed long enough ago that a completion racing with it has committed: its baseline is final.
    private bool IsSettled(CompletedScan scan) => scan.Row.CompletedAt < clock.GetUtcNow() - PeersFor;

    private PeerBenchmark Benchmark(Peers peers, MaturityModel model, PeerGroup group, Guid viewer) =>
        peers.Benchmarks.GetOrAdd((group.Id, viewer), key => PeerBenchmarks.Compute(model, group, peers.Scans, key.Viewer.ToString(), thresholds));

    private async Task<Peers> PeersAsync(MaturityModel model, CancellationToken ct)
    {
        Task<Peers> load;
        lock (_reload)
        {
            var generation = Interlocked.Read(ref _generation);
            if (!_peers.TryGetValue(model.Id, out load!) || IsStale(load, generation))
            {
                // One read serves every waiting request; it is not tied to the first caller's cancellation.
                load = LoadPeersAsync(model, generation);
                _peers[model.Id] = load;
            }
        }

        return await load.WaitAsync(ct);
    }

    private bool IsStale(Task<Peers> load, long generation) =>
        load.IsFaulted || load.IsCanceled
        || (load.IsCompletedSuccessfully && (load.Result.Generation != generation || load.Result.Until <= clock.GetUtcNow()));

    private async Task<Peers> LoadPeersAsync(MaturityModel model, long generation)
    {
        var until = clock.GetUtcNow() + PeersFor;
        var counter = watch.Now()?.Total(Data.Changes.ChangeKinds.Peers);
        var rows = await scans.CompletedForModelAcrossTenantsAsync(model.Id, CancellationToken.None);
        var peers = rows
            .Select(r => PeerScan.From(
                r.Id.ToString(),
                new PeerOrganisation(r.OrganisationId.ToString(), Benchmarking.KindOf(r.OrganisationKind), r.OrganisationInhabitants, r.TenantId.ToString()),
                r.CompletedAt,
                ScanJson.ReadScore(r.Score)))
            .OfType<PeerScan>()
            .ToList();
        return new Peers(peers, generation, until, counter, new ConcurrentDictionary<(string Group, Guid Viewer), PeerBenchmark>(), new());
    }

    private static void Keep<T>(ConcurrentDictionary<Guid, T> kept, Guid id, T value)
    {
        if (kept.Count >= MaxScans)
        {
            kept.Clear();
        }

        kept[id] = value;
    }

    private sealed record Peers(
        IReadOnlyList<PeerScan> Scans,
        long Generation,
        DateTimeOffset Until,
        long? Counter,
        ConcurrentDictionary<(string Group, Guid Viewer), PeerBenchmark> Benchmarks,
        ConcurrentDictionary<(Guid Scan, string Group, Language Language), byte[]> Reports);
}
