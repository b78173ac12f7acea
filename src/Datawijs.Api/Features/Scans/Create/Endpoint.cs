using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;
using FluentValidation.Results;

namespace Datawijs.Api.Features.Scans.Create;

public sealed class Endpoint(OrganisationRepository organisations, ScanRepository scans, TimeProvider clock) : Endpoint<Request, Scan>
{
    public override void Configure()
    {
        Post("/organisations/{id}/scans");
        Scopes(Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("createScan").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Start a maturity scan of an organisation";
            s.Description = "The scan pins the model's id and version, so its score can always be reproduced. Targets are optional levels per category.";
            s.ExampleRequest = new Request { ModelId = DefaultMaturityModels.FullV1Id, Targets = new() { ["data-quality"] = 3, ["leadership-strategy"] = 3 } };
        });
        Description(b => b.Produces<Scan>(201).ProducesProblems(400, 404, 422));

        // The targets are checked against the model below; the validator's problems are reported with them.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var model = string.IsNullOrEmpty(req.ModelId) ? null : DefaultMaturityModels.Find(req.ModelId);
        var targets = req.Targets ?? [];
        foreach (var problem in TargetProblems(model, targets))
        {
            AddError(new ValidationFailure(problem.Name, problem.Reason) { ErrorCode = problem.Code });
        }

        // The validator's problems (kept by DontThrowIfValidationFails) and the targets' answer as one 400;
        // the validator refuses an unknown or missing model, so past this point there is one.
        ThrowIfAnyErrors();
        ArgumentNullException.ThrowIfNull(model);

        if (await organisations.FindAsync(caller.TenantId, req.Id, ct) is null)
        {
            await Problems.NotFoundAsync(HttpContext, "organisation");
            return;
        }

        var now = clock.GetUtcNow();
        var row = new ScanRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            OrganisationId = req.Id,
            ModelId = model.Id,
            ModelVersion = model.Version,
            Targets = ScanJson.WriteTargets(targets),
            CreatedAt = now,
        };
        await scans.AddAsync(row, ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { scanId = row.Id }, Scan.From(row, []), cancellation: ct);
    }

    /// <summary>
    /// The domain's target checks against the model; without a known model (already reported by the
    /// validator) only what holds in every model: a target is a level from 1 to 5.
    /// </summary>
    private static IEnumerable<InvalidParam> TargetProblems(MaturityModel? model, Dictionary<string, int> targets)
    {
        if (model is not null)
        {
            return MaturityScorer.Validate(model, [], new ScoringOptions { Targets = targets })
                .Select(p => new InvalidParam(p.Name, p.Code, p.Reason));
        }

        var levels = DefaultMaturityModels.All.SelectMany(m => new[] { m.LowestLevel, m.HighestLevel }).ToList();
        return targets
            .Where(t => t.Value < levels.Min() || t.Value > levels.Max())
            .Select(t => new InvalidParam(MaturityScorer.TargetName(t.Key), "target-out-of-range", "A target is a level from 1 to 5."));
    }
}
