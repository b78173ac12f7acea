using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Datasets;
using FastEndpoints;

namespace Datawijs.Api.Features.Datasets.SetReferencePopulation;

public sealed class Endpoint(DatasetRepository datasets, TimeProvider clock) : Endpoint<Request, Dataset>
{
    public override void Configure()
    {
        Put("/datasets/{id}/reference-population");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b.WithOperationId("setReferencePopulation"));
        Summary(s =>
        {
            s.Summary = "Give the dataset's reference population: counts for all households of the municipality";
            s.Description = "Replaces any earlier reference population. The dataset then shows the clients' share of all households, and each profile also lists what is more frequent than among all residents (the same lift-and-test rule as against the rest of the file). Only clustering and descriptive features can be given.";
            s.ExampleRequest = new Request
            {
                Source = "CBS StatLine (synthetic example)",
                Year = 2025,
                Households = 11_346,
                Categorical = new() { ["householdType"] = new() { ["single"] = 4_200, ["singleParent"] = 800, ["couple"] = 3_300, ["coupleWithChildren"] = 3_046 } },
                Numeric = new() { ["children"] = [new() { Min = 0, Max = 1, Households = 8_000 }, new() { Min = 1, Max = 3, Households = 2_800 }, new() { Min = 3, Max = 10, Households = 546 }] },
            };
        });
        Description(b => b.Produces<Dataset>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var row = await datasets.FindAsync(tenant, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        // These two 400s are written here rather than through AddError: their detail says what is wrong
        // with the whole population, and their field names carry feature names exactly as declared
        // (the validation error builder would lower-case the first letter of each).
        var nullBands = (req.Numeric ?? [])
            .SelectMany(kv => (kv.Value ?? []).Select((band, i) => (kv.Key, band, i)))
            .Where(x => x.band is null)
            .Select(x => new InvalidParam($"numeric.{x.Key}[{x.i}]", "required", "A band is an object with min, max and households, not null."))
            .ToList();
        if (nullBands.Count > 0)
        {
            await Problems.WriteAsync(HttpContext, 400, "invalid-params", "The reference population is not consistent with the dataset; see invalidParams.", nullBands);
            return;
        }

        var reference = new ReferencePopulation(
            req.Source!.Trim(),
            req.Year!.Value,
            req.Households!.Value,
            (req.Categorical ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)(kv.Value ?? []), StringComparer.Ordinal),
            (req.Numeric ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ReferenceBand>)(kv.Value ?? []).Select(b => new ReferenceBand(b.Min, b.Max, b.Households)).ToList(), StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        var problems = ReferencePopulations.Validate(reference, StoredJson.Features(row.Features), row.RecordCount, now.UtcDateTime.Year);
        if (problems.Count > 0)
        {
            await Problems.WriteAsync(HttpContext, 400, "invalid-params", "The reference population is not consistent with the dataset; see invalidParams.",
                problems.Select(p => new InvalidParam(p.Field, p.Code, p.Reason)).ToList());
            return;
        }

        if (!await datasets.SetReferencePopulationAsync(tenant, req.Id, StoredJson.Write(reference), now, ct))
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        await Send.OkAsync(Dataset.From((await datasets.FindAsync(tenant, req.Id, ct))!), ct);
    }
}
