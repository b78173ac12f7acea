using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using FastEndpoints;

namespace Datawijs.Api.Features.Organisations.Create;

public sealed class Endpoint(OrganisationRepository organisations, TimeProvider clock) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Post("/organisations");
        Scopes(Auth.Scopes.ScansWrite);
        Tags("Organisations");
        Options(b => b.WithOperationId("createOrganisation").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Register an organisation to scan";
            s.Description = "Kind and inhabitants place the organisation in its peer groups for benchmarks.";
            s.ResponseExamples[201] = Organisation.Example;
            s.ExampleRequest = new Request { Name = "Gemeente Voorbeeldstad", Kind = "municipality", Inhabitants = 48_000, Region = "Gelderland" };
        });
        Description(b => b.Produces<Organisation>(201).ProducesProblems(400, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var now = clock.GetUtcNow();
        var row = new OrganisationRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            Name = req.Name!.Trim(),
            Kind = req.Kind!,
            Inhabitants = req.Inhabitants,
            Region = string.IsNullOrWhiteSpace(req.Region) ? null : req.Region.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await organisations.AddAsync(row, ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, Organisation.From(row), cancellation: ct);
    }
}
