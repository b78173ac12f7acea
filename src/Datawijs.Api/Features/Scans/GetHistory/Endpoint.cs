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
