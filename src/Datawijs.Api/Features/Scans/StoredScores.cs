using System.Collections.Concurrent;
using Datawijs.Api.Caching;
using Datawijs.Data.Changes;
using Datawijs.Data.Scans;
using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>
/// What the reads of stored scores need, kept so that a busy read costs no database round trip.
/// <list type="bullet">
/// <item>A completed scan never changes and is never deleted (its score is stored once), and neither
/// does the baseline its progress is measured from (the organisation's first completed scan of the
/// model before it). Both are kept in <see cref="ApiCache"/> once read; the baseline only once the scan
/// completed <see cref="PeersFor"/> ago, so that a completion racing with it has committed.</item>
/// <item>The peers of a model (every completed scan across the installation, with the organisation's
/// kind and size) are read at most once per <see cref="PeersFor"/> and shared by every peer group's benchmark.
/// They follow the peers counters of every tenant: completing a scan or changing an organisation raises
/// the tenant's counter, so this process forgets them at once and another instance on the same database
/// within <see cref="ChangeWatch.Bound"/>. A rendered score report is kept with the peers it was made from.</item>
/// </list>
/// </summary>
public sealed class StoredScores(
    ScanRepository scans, TimeProvider clock, PeerThresholds thresholds, ApiCache cache, ChangeWatch watch, ChangeCounterRepository counters)
{
    public static readonly TimeSpan PeersFor = TimeSpan.FromSeconds(5);

    // Reports rendered from one read of the peers at most; then they are rendered each time until the next read.
    private const int MaxReports = 10_000;

    /// <summary>The tenant's scan, with its score when it is completed; null when the tenant has no such scan.</summary>
    public async Task<(ScanRow Row, CompletedScan? Completed)?> FindAsync(Guid tenantId, Guid scanId, CancellationToken ct)
    {
        if (cache.TryGet<CompletedScan>(new ScanKey(scanId), out var kept))
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
        cache.Keep(new ScanKey(scanId), completed);
        return (row, completed);
    }

    /// <summary>
    /// The completed scan per respondent role, from its frozen answers with the pinned model and the scan's own
    /// combination; kept once read, as the answers of a completed scan never change.
    /// </summary>
    public async Task<RoleComparison> RolesAsync(CompletedScan scan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (cache.TryGet<RoleComparison>(new RolesKey(scan.Row.Id), out var kept))
        {
            return kept;
        }

        var responses = await scans.ListResponsesAsync(scan.Row.TenantId, scan.Row.Id, ct);
        var roles = RoleScores.Compare(scan.Model, responses.Select(StoredScans.ToDomain).ToList(), scan.Score.Combination);
        cache.Keep(new RolesKey(scan.Row.Id), roles);
        return roles;
    }

    /// <summary>Progress since the organisation's first completed scan of the same model; null when this scan is the first.</summary>
    private async Task<(CompletedScanRow Scan, ScoreProgress Progress)?> ProgressAsync(CompletedScan scan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (cache.TryGet<(CompletedScanRow Scan, ScoreProgress Progress)?>(new BaselineKey(scan.Row.Id), out var kept))
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
            cache.Keep(new BaselineKey(scan.Row.Id), progress);
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
        if (IsSettled(scan) && peers.Reports.Count < MaxReports)
        {
            peers.Reports.TryAdd(key, rendered);
        }

        return rendered;
    }

    /// <summary>Forget the peers: a scan was completed or an organisation's kind or size changed (here and, through the counter, on every instance).</summary>
    public async Task PeersChangedAsync(Guid tenantId, CancellationToken ct)
    {
        watch.Changed(tenantId, ChangeKinds.Peers);
        await counters.BumpAsync(tenantId, ChangeKinds.Peers, ct);
    }

    // Completed long enough ago that a completion racing with it has committed: its baseline is final.
    private bool IsSettled(CompletedScan scan) => scan.Row.CompletedAt < clock.GetUtcNow() - PeersFor;

    private PeerBenchmark Benchmark(Peers peers, MaturityModel model, PeerGroup group, Guid viewer) =>
        peers.Benchmarks.GetOrAdd((group.Id, viewer), key => PeerBenchmarks.Compute(model, group, peers.Scans, key.Viewer.ToString(), thresholds));

    private Task<Peers> PeersAsync(MaturityModel model, CancellationToken ct) =>
        cache.GetOrLoadAsync(new PeersKey(model.Id), PeersFor, loadCt => LoadPeersAsync(model, loadCt), _ => CacheTag.AnyTenant(ChangeKinds.Peers), ct);

    private async Task<Peers> LoadPeersAsync(MaturityModel model, CancellationToken ct)
    {
        var rows = await scans.CompletedForModelAcrossTenantsAsync(model.Id, ct);
        var peers = rows
            .Select(r => PeerScan.From(
                r.Id.ToString(),
                new PeerOrganisation(r.OrganisationId.ToString(), Benchmarking.KindOf(r.OrganisationKind), r.OrganisationInhabitants, r.TenantId.ToString()),
                r.CompletedAt,
                ScanJson.ReadScore(r.Score)))
            .OfType<PeerScan>()
            .ToList();
        return new Peers(peers, new ConcurrentDictionary<(string Group, Guid Viewer), PeerBenchmark>(), new());
    }

    private sealed record ScanKey(Guid ScanId);

    private sealed record RolesKey(Guid ScanId);

    private sealed record BaselineKey(Guid ScanId);

    private sealed record PeersKey(string ModelId);

    private sealed record Peers(
        IReadOnlyList<PeerScan> Scans,
        ConcurrentDictionary<(string Group, Guid Viewer), PeerBenchmark> Benchmarks,
        ConcurrentDictionary<(Guid Scan, string Group, Language Language), byte[]> Reports);
}
