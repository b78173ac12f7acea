using Datawijs.Api.Auth;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using FastEndpoints;
using FluentValidation.Results;

namespace Datawijs.Api.Features.Organisations.Update;

public sealed class Endpoint(OrganisationRepository organisations, StoredScores scores, TimeProvider clock) : Endpoint<Request, Organisation>
{
    public override void Configure()
    {
        Patch("/organisations/{id}");
        Scopes(Auth.Scopes.ScansWrite);
        Tags("Organisations");
        Options(b => b.WithOperationId("updateOrganisation"));
        Summary(s =>
        {
            s.Summary = "Change an organisation";
            s.Description = "Only the fields sent are changed; send an empty `region` to clear it.";
            s.ResponseExamples[200] = Organisation.Example;
            s.ExampleRequest = new Request { Inhabitants = 51_200 };
        });
        Description(b => b.Produces<Organisation>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var current = await organisations.FindAsync(caller.TenantId, req.Id, ct);
        if (current is null)
        {
            await Problems.NotFoundAsync(HttpContext, "organisation");
            return;
        }

        var kind = req.Kind ?? current.Kind;
        var inhabitants = req.Inhabitants ?? current.Inhabitants;
        if (kind == "municipality" && inhabitants is null)
        {
            AddError(new ValidationFailure("inhabitants", "'Inhabitants' is required for a municipality.") { ErrorCode = "required" });
        }

        ThrowIfAnyErrors();

        var updated = new OrganisationRow
        {
            Id = current.Id,
            TenantId = current.TenantId,
            Name = req.Name?.Trim() ?? current.Name,
            Kind = kind,
            Inhabitants = inhabitants,
            Region = req.Region is null ? current.Region : (req.Region.Trim() is { Length: > 0 } region ? region : null),
            CreatedAt = current.CreatedAt,
            UpdatedAt = clock.GetUtcNow(),
        };
        await organisations.UpdateAsync(updated, ct);
        await scores.PeersChangedAsync(current.TenantId, ct);
        await Send.OkAsync(Organisation.From(updated), ct);
    }
}
