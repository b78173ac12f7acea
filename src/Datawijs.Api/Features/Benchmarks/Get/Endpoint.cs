using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.OpenApi;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Benchmarks.Get;

public sealed class Endpoint(StoredScores scores) : Endpoint<Request, Response>
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
        Description(b => b.Produces<Response>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = MaturityLanguage.Negotiate(HttpContext, req.AcceptLanguage);
        var model = StoredScans.ModelOf(req.ModelId!);
        var group = req.Group is null ? PeerGroup.All : PeerGroup.Find(req.Group)!;
        var benchmark = await scores.BenchmarkAsync(model, group, HttpContext.Caller().TenantId, ct);
        await Send.OkAsync(new Response
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
