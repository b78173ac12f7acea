using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Benchmarks.Get;

public sealed class Endpoint(StoredScores scores) : Endpoint<Request, Benchmark>
{
    public override void Configure()
    {
        Get("/benchmarks");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Benchmarks");
        Options(b => b.WithOperationId("getBenchmark"));
        Summary(s =>
        {
            s.Summary = "Get the anonymised benchmark of a peer group";
            s.Description = "Over the latest completed scan per organisation of the model, of every other tenant than the caller's: the tier "
                + "cut-offs (tertiles of the overall score) and the quartiles overall and per category, each rounded to 0.1. Never which "
                + "organisation scored what. The caller's own organisations never count, neither in the figures nor towards the threshold: "
                + "the caller knows its own scores, so with them in it could read the others' exact scores off the figures. A group with "
                + "fewer than `minimumGroupSize` (5) organisations of others, or with organisations of fewer than `minimumTenantCount` (3) "
                + "other tenants, is returned withheld: every figure null, `organisationCount` null too (it says only \"fewer than\"), and "
                + "the reason. A category the others did not score often enough is withheld on its own in the same way. Per category, "
                + "`tierMedians` gives the median of each tier (Volgers, Middenmoters, Voorlopers; tiers judged against the published cut-offs), "
                + "rounded to 0.1; a tier whose organisations that scored the category are too few by the same thresholds is withheld on its own.";
        });
        Description(b => b.Produces<Benchmark>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        var model = StoredScans.ModelOf(req.ModelId!);
        var group = req.Group is null ? PeerGroup.All : PeerGroup.Find(req.Group)!;
        var benchmark = await scores.BenchmarkAsync(model, group, Caller.From(User).TenantId, ct);
        await Send.OkAsync(new Benchmark
        {
            ModelId = model.Id,
            ModelVersion = model.Version,
            Group = PeerGroupView.From(group, language),
            OrganisationCount = benchmark.OrganisationCount,
            MinimumGroupSize = benchmark.MinimumGroupSize,
            MinimumTenantCount = benchmark.MinimumTenantCount,
            Withheld = benchmark.Withheld,
            WithheldReason = benchmark.WithheldReason?.In(language),
            Tiers = benchmark.LowerTertile is { } lower && benchmark.UpperTertile is { } upper
                ? new TierCutOffs { LowerTertile = lower, UpperTertile = upper }
                : null,
            Overall = QuartileView.From(benchmark.Overall),
            Categories = benchmark.Categories.Select(c => new CategoryBenchmarkView
            {
                CategoryId = c.CategoryId,
                Name = model.FindCategory(c.CategoryId)?.Name.In(language) ?? c.CategoryId,
                OrganisationCount = c.OrganisationCount,
                Withheld = c.Withheld,
                Quartiles = QuartileView.From(c.Quartiles),
                TierMedians = (c.TierMedians ?? []).Select(t => new TierMedianView
                {
                    Tier = Benchmarking.TierId(t.Tier),
                    TierName = PeerBenchmarks.TierName(t.Tier).In(language),
                    OrganisationCount = t.OrganisationCount,
                    Withheld = t.Withheld,
                    Median = t.Median,
                }).ToList(),
            }).ToList(),
        }, ct);
    }
}

/// <summary>An anonymised peer benchmark over other tenants' organisations; every figure (and the count) is null when withheld.</summary>
public sealed class Benchmark
{
    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public PeerGroupView Group { get; init; } = new();

    /// <summary>
    /// Other tenants' organisations in the group with a completed scan of the model (latest scan each);
    /// null when withheld, so a withheld group says only that it has fewer than the threshold.
    /// </summary>
    public int? OrganisationCount { get; init; }

    /// <summary>Organisations of other tenants a figure needs (setting Benchmarks:MinimumOrganisations, at least 5).</summary>
    public int MinimumGroupSize { get; init; }

    /// <summary>Other tenants those organisations must belong to (setting Benchmarks:MinimumTenants, at least 3).</summary>
    public int MinimumTenantCount { get; init; }

    public bool Withheld { get; init; }

    public string? WithheldReason { get; init; }

    /// <summary>Followers (Volgers) score below the lower tertile, leaders (Voorlopers) above the upper one; rounded to 0.1.</summary>
    public TierCutOffs? Tiers { get; init; }

    public QuartileView? Overall { get; init; }

    /// <summary>Per category; empty when the group is withheld.</summary>
    public IReadOnlyList<CategoryBenchmarkView> Categories { get; init; } = [];
}

public sealed class TierCutOffs
{
    public double LowerTertile { get; init; }

    public double UpperTertile { get; init; }
}

/// <summary>Type 7 quartiles (as R, NumPy and Excel PERCENTILE.INC), rounded to 0.1.</summary>
public sealed class QuartileView
{
    public double Q1 { get; init; }

    public double Median { get; init; }

    public double Q3 { get; init; }

    public static QuartileView? From(Quartiles? quartiles) =>
        quartiles is null ? null : new QuartileView { Q1 = quartiles.Q1, Median = quartiles.Median, Q3 = quartiles.Q3 };
}

public sealed class CategoryBenchmarkView
{
    public string CategoryId { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Other tenants' organisations with a score for the category; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public QuartileView? Quartiles { get; init; }

    /// <summary>The category's median in each tier, followers first; empty when the category is withheld.</summary>
    public IReadOnlyList<TierMedianView> TierMedians { get; init; } = [];
}

/// <summary>
/// The median category score of the organisations in one tier, rounded to 0.1. Withheld, count included, when
/// they are fewer than the group needs (5 organisations of others from 3 other tenants, by default).
/// </summary>
public sealed class TierMedianView
{
    /// <summary>followers (Volgers), middle-group (Middenmoters) or leaders (Voorlopers).</summary>
    [Datawijs.Api.OpenApi.WireValues("followers", "middle-group", "leaders")]
    public string Tier { get; init; } = "";

    public string TierName { get; init; } = "";

    /// <summary>Organisations of the tier with a score for the category; null when withheld.</summary>
    public int? OrganisationCount { get; init; }

    public bool Withheld { get; init; }

    public double? Median { get; init; }
}
