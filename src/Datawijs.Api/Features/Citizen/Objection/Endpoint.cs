using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Citizen.Objection;

public sealed class Endpoint(
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog,
    TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/citizen/objections");
        Scopes(Auth.Scopes.CitizenPortal);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("createCitizenObjection").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new IdempotentAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ObjectionHandling, "Uw bezwaar tegen het gebruik van een profiel vastleggen")));
        Summary(s =>
        {
            s.Summary = "Object: \u201cthis is not me\u201d or \u201cI don't want this\u201d";
            s.Description = """
                Restricts at once: while the objection is open, case workers see the assignment as contested and new advice
                for the citizen answers 409. A case worker reviews it (`POST /objections/{id}/review`).
                """;
            s.ExampleRequest = new Request { SubjectId = "999990019", Kind = "notMe", Message = "Ik werk sinds kort 20 uur per week." };
        });
        Description(b => b.Produces<Response>(201).ProducesProblems(400, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var language = RequestLanguage.From(HttpContext);
        var pseudonym = accessLog.Pseudonymise(caller.TenantId, req.SubjectId!);
        var current = await assignments.FindCurrentForSubjectAsync(caller.TenantId, pseudonym, ct);
        var now = clock.GetUtcNow();
        var row = new ObjectionRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            SubjectPseudonym = pseudonym,
            AssignmentId = current?.Id,
            Kind = req.Kind!,
            Message = string.IsNullOrWhiteSpace(req.Message) ? null : req.Message.Trim(),
            Status = ObjectionRepository.Open,
            CreatedAt = now,
            ClientId = caller.ClientId,
        };
        await objections.AddAsync(row, accessLog.Entry(HttpContext, pseudonym, AuditActions.ObjectionCreate, row.Id, now), ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.ResponseAsync(new Response
        {
            Id = row.Id,
            Kind = row.Kind,
            Status = row.Status,
            CreatedAt = row.CreatedAt,
            Text = CitizenTexts.ObjectionReceived(language),
        }, 201, ct);
    }
}
