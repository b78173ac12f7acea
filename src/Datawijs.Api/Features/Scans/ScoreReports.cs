using Datawijs.Api.Features.Scans.Views;
using Datawijs.Domain;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

public static class ScoreReports
{
    public static ScanScoreReport Build(
        MaturityModel model,
        ScanRow scan,
        ScanScore score,
        PeerBenchmark benchmark,
        (CompletedScanRow Scan, ScoreProgress Progress)? progress,
        Language language,
        RoleComparison roles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(benchmark);
        return new ScanScoreReport
        {
            ScanId = scan.Id,
            OrganisationId = scan.OrganisationId,
            ModelId = scan.ModelId,
            ModelVersion = scan.ModelVersion,
            CompletedAt = scan.CompletedAt!.Value,
            RespondentCount = score.RespondentCount,
            Combination = score.Combination == RespondentCombination.Mean ? "mean" : "median",
            Categories = score.Categories.Select(c => new CategoryScoreView
            {
                CategoryId = c.CategoryId,
                Name = model.FindCategory(c.CategoryId)?.Name.In(language) ?? c.CategoryId,
                Score = c.Score,
                Level = c.Level,
                LevelName = c.Level is { } l ? model.Level(l).Name.In(language) : null,
                AnsweredShare = c.AnsweredShare,
                Agreement = c.Agreement,
                RespondentCount = c.RespondentCount,
                Target = c.Target,
                Gap = c.Gap,
            }).ToList(),
            Overall = new OverallScoreView
            {
                Score = score.Overall,
                Level = score.OverallLevel,
                LevelName = score.OverallLevel is { } level ? model.Level(level).Name.In(language) : null,
            },
            ExcludedCategoryIds = score.ExcludedCategoryIds,
            Peer = PeerPositionView.From(benchmark, score.Overall, language),
            Progress = progress is { } p
                ? new ScoreProgressView
                {
                    BaselineScanId = p.Scan.Id,
                    BaselineCompletedAt = p.Scan.CompletedAt,
                    OverallDelta = p.Progress.OverallDelta,
                    Categories = p.Progress.Categories.Select(c => new CategoryProgressView
                    {
                        CategoryId = c.CategoryId, EarlierScore = c.EarlierScore, LaterScore = c.LaterScore, Delta = c.Delta,
                    }).ToList(),
                }
                : null,
            Roles = RoleComparisonView.From(model, roles, language),
        };
    }
}
