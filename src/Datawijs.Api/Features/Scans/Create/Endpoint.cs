using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

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
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var model = StoredScans.ModelOf(req.ModelId!);
        var targets = req.Targets ?? [];
        var problems = MaturityScorer.Validate(model, [], new ScoringOptions { Targets = targets });
        if (problems.Count > 0)
        {
            await Problems.WriteAsync(HttpContext, 400, "invalid-params", "One or more inputs are invalid; see invalidParams.",
                problems.Select(p => new InvalidParam(p.Name, p.Code, p.Reason)).ToList());
            return;
        }

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
}
