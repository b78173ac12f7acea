using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class Endpoint(OrganisationRepository organisations, ScanRepository scans) : Endpoint<Request, ScoreHistory>
{
    public override void Configure()
    {
        Get("/organisations/{id}/score-history");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("getScoreHistory"));
        Summary(s =>
        {
            s.Summary = "Get an organisation's score history";
            s.Description = "Every completed scan, oldest first, with its stored scores and the change since the previous completed scan "
                + "of the same model and since the first (progress to date).";
        });
        Description(b => b.Produces<ScoreHistory>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        if (await organisations.FindAsync(tenant, req.Id, ct) is null)
        {
            await Problems.NotFoundAsync(HttpContext, "organisation");
            return;
        }

        var completed = await scans.CompletedForOrganisationAsync(tenant, req.Id, ct);
        var entries = new List<ScoreHistoryEntry>();
        var first = new Dictionary<string, (Guid Id, ScanScore Score)>(StringComparer.Ordinal);
        var previous = new Dictionary<string, (Guid Id, ScanScore Score)>(StringComparer.Ordinal);
        foreach (var row in completed)
        {
            var score = ScanJson.ReadScore(row.Score);
            var sincePrevious = previous.TryGetValue(row.ModelId, out var p) ? ScoreProgress.Between(p.Score, score) : null;
            var sinceFirst = first.TryGetValue(row.ModelId, out var f) ? ScoreProgress.Between(f.Score, score) : null;
            entries.Add(new ScoreHistoryEntry
            {
                ScanId = row.Id,
                ModelId = row.ModelId,
                ModelVersion = row.ModelVersion,
                CompletedAt = row.CompletedAt,
                RespondentCount = score.RespondentCount,
                Overall = score.Overall,
                OverallLevel = score.OverallLevel,
                Categories = score.Categories.Select(c => new HistoryCategoryScore { CategoryId = c.CategoryId, Score = c.Score, Level = c.Level }).ToList(),
                PreviousScanId = sincePrevious is null ? null : p.Id,
                OverallDeltaSincePrevious = sincePrevious?.OverallDelta,
                FirstScanId = sinceFirst is null ? null : f.Id,
                OverallDeltaSinceFirst = sinceFirst?.OverallDelta,
            });
            first.TryAdd(row.ModelId, (row.Id, score));
            previous[row.ModelId] = (row.Id, score);
        }

        await Send.OkAsync(new ScoreHistory { OrganisationId = req.Id, Items = entries }, ct);
    }
}

public sealed class ScoreHistory
{
    public Guid OrganisationId { get; init; }

    /// <summary>Completed scans, oldest first.</summary>
    public IReadOnlyList<ScoreHistoryEntry> Items { get; init; } = [];
}

public sealed class ScoreHistoryEntry
{
    public Guid ScanId { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public int RespondentCount { get; init; }

    public double? Overall { get; init; }

    public int? OverallLevel { get; init; }

    public IReadOnlyList<HistoryCategoryScore> Categories { get; init; } = [];

    /// <summary>The previous completed scan of the same model; null for the first.</summary>
    public Guid? PreviousScanId { get; init; }

    public double? OverallDeltaSincePrevious { get; init; }

    /// <summary>The first completed scan of the same model; null for the first itself.</summary>
    public Guid? FirstScanId { get; init; }

    /// <summary>Progress to date: overall change since the first completed scan of the same model.</summary>
    public double? OverallDeltaSinceFirst { get; init; }
}

public sealed class HistoryCategoryScore
{
    public string CategoryId { get; init; } = "";

    public double? Score { get; init; }

    public int? Level { get; init; }
}
