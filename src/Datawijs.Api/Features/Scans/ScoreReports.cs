using Datawijs.Domain;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FluentValidation;

namespace Datawijs.Api.Features.Scans;

/// <summary>Peer groups and tiers as the API names them; the benchmarks come from <see cref="StoredScores"/>.</summary>
public static class Benchmarking
{
    public static OrganisationKind KindOf(string kind) => kind switch
    {
        "municipality" => OrganisationKind.Municipality,
        "department" => OrganisationKind.Department,
        "partner" => OrganisationKind.Partner,
        _ => OrganisationKind.Other,
    };

    public static string TierId(PeerTier tier) => tier switch
    {
        PeerTier.Followers => "followers",
        PeerTier.MiddleGroup => "middle-group",
        _ => "leaders",
    };

    /// <summary>The ids a <c>group</c> parameter accepts, for the 400 message.</summary>
    public const string GroupIdsDescription = "all, kind:{municipality|department|partner|other} or size:{lt-5k|5k-10k|10k-20k|20k-50k|50k-100k|100k-150k|150k-250k|gte-250k}";

    public static IRuleBuilderOptions<T, string?> IsPeerGroup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(g => g is null || PeerGroup.Find(g) is not null)
            .WithErrorCode("unknown-peer-group")
            .WithMessage("'{PropertyName}' must be " + GroupIdsDescription + ".");
}

/// <summary>A peer group as shown in the API.</summary>
public sealed class PeerGroupView
{
    /// <summary>Stable id: all, kind:municipality, size:20k-50k, ...</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public static PeerGroupView From(PeerGroup group, Language language)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new PeerGroupView { Id = group.Id, Name = group.Name.In(language) };
    }
}

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

/// <summary>
/// The scan per respondent role. Respondents of one role are combined as the scan combines all of them
/// (median by default); a role of one respondent shows that respondent's scores.
/// </summary>
public sealed class RoleComparisonView
{
    /// <summary>One item per role (roles compared ignoring case and surrounding spaces), by name.</summary>
    public IReadOnlyList<RoleScoreView> Items { get; init; } = [];

    /// <summary>Respondents who gave no role; they count in the scan, not in any role.</summary>
    public int RespondentsWithoutRole { get; init; }

    /// <summary>Per category, how far the roles agree.</summary>
    public IReadOnlyList<RoleAgreementView> Categories { get; init; } = [];

    /// <summary>How far the roles' overall scores agree.</summary>
    public RoleAgreementView Overall { get; init; } = new();

    public static RoleComparisonView From(MaturityModel model, RoleComparison roles, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(roles);
        return new RoleComparisonView
        {
            Items = roles.Roles.Select(r => new RoleScoreView
            {
                Role = r.Role,
                RespondentCount = r.RespondentCount,
                Categories = r.Categories.Select(c => new RoleCategoryScoreView
                {
                    CategoryId = c.CategoryId,
                    Score = c.Score,
                    Level = c.Level,
                    LevelName = c.Level is { } l ? model.Level(l).Name.In(language) : null,
                }).ToList(),
                Overall = new OverallScoreView
                {
                    Score = r.Overall,
                    Level = r.OverallLevel,
                    LevelName = r.OverallLevel is { } level ? model.Level(level).Name.In(language) : null,
                },
            }).ToList(),
            RespondentsWithoutRole = roles.RespondentsWithoutRole,
            Categories = roles.Categories.Select(c => RoleAgreementView.From(c, language)).ToList(),
            Overall = RoleAgreementView.From(roles.Overall, language),
        };
    }
}

public sealed class RoleScoreView
{
    /// <summary>The role as the respondents gave it (first spelling by respondent id).</summary>
    public string Role { get; init; } = "";

    public int RespondentCount { get; init; }

    public IReadOnlyList<RoleCategoryScoreView> Categories { get; init; } = [];

    public OverallScoreView Overall { get; init; } = new();
}

public sealed class RoleCategoryScoreView
{
    public string CategoryId { get; init; } = "";

    /// <summary>The role's combined score 1.0–5.0; null when none of its respondents answered the category.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }
}

/// <summary>How far the roles agree in a category (or overall).</summary>
public sealed class RoleAgreementView
{
    /// <summary>The category; null for the overall score.</summary>
    public string? CategoryId { get; init; }

    /// <summary>1 − σ/2 over the role scores (1 = the roles agree); null with fewer than two roles that scored it.</summary>
    public double? Agreement { get; init; }

    /// <summary>Highest role score − lowest; null with fewer than two roles.</summary>
    public double? Spread { get; init; }

    /// <summary>True when the roles lie a level (1.0) or more apart.</summary>
    public bool RolesDiffer { get; init; }

    /// <summary>When the roles differ: which role scored highest and which lowest, in words.</summary>
    public string? Note { get; init; }

    public static RoleAgreementView From(RoleAgreement agreement, Language language)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new RoleAgreementView
        {
            CategoryId = agreement.CategoryId,
            Agreement = agreement.Agreement,
            Spread = agreement.Spread,
            RolesDiffer = agreement.RolesDiffer,
            Note = agreement.Note?.In(language),
        };
    }
}

/// <summary>One category's score; all numbers unrounded.</summary>
public sealed class CategoryScoreView
{
    public string CategoryId { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Combined respondent score 1.0–5.0; null when nobody answered the category.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }

    /// <summary>Answers 1–5 divided by (questions × respondents).</summary>
    public double AnsweredShare { get; init; }

    /// <summary>1 − σ/2 over the respondents' category scores (1 = full agreement); null with fewer than two respondents.</summary>
    public double? Agreement { get; init; }

    public int RespondentCount { get; init; }

    public int? Target { get; init; }

    /// <summary>max(0, target − score); 0 means the target is reached.</summary>
    public double? Gap { get; init; }
}

public sealed class OverallScoreView
{
    /// <summary>Weighted mean of the category scores; null when nothing was answered.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }
}

/// <summary>
/// Where the scan stands among its peers: other tenants' organisations in the group, never the caller's own.
/// Figures, and the count, are null when they are too few to show.
/// </summary>
public sealed class PeerPositionView
{
    public PeerGroupView Group { get; init; } = new();

    /// <summary>Other tenants' organisations in the group; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public string? WithheldReason { get; init; }

    /// <summary>followers (Volgers), middle-group (Middenmoters) or leaders (Voorlopers).</summary>
    [Datawijs.Api.OpenApi.WireValues("followers", "middle-group", "leaders")]
    public string? Tier { get; init; }

    public string? TierName { get; init; }

    /// <summary>The quartile band of the overall score among the peers (12.5, 37.5, 50, 62.5 or 87.5), judged against the published quartiles.</summary>
    public double? Percentile { get; init; }

    public static PeerPositionView From(PeerBenchmark benchmark, double? overall, Language language)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var position = overall is { } o ? benchmark.Position(o) : null;
        return new PeerPositionView
        {
            Group = PeerGroupView.From(benchmark.Group, language),
            OrganisationCount = benchmark.OrganisationCount,
            Withheld = benchmark.Withheld,
            WithheldReason = benchmark.WithheldReason?.In(language),
            Tier = position is null ? null : Benchmarking.TierId(position.Tier),
            TierName = position?.TierName.In(language),
            Percentile = position?.Percentile,
        };
    }
}

public sealed class ScoreProgressView
{
    public Guid BaselineScanId { get; init; }

    public DateTimeOffset BaselineCompletedAt { get; init; }

    public double? OverallDelta { get; init; }

    public IReadOnlyList<CategoryProgressView> Categories { get; init; } = [];
}

public sealed class CategoryProgressView
{
    public string CategoryId { get; init; } = "";

    public double? EarlierScore { get; init; }

    public double? LaterScore { get; init; }

    /// <summary>Later − earlier; null when either has no score.</summary>
    public double? Delta { get; init; }
}

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
