using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Features.Citizen;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Objections.Create;

public sealed class Endpoint(
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog,
    TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/citizen/objections");
        AuthSchemes(CitizenAuthentication.SchemeName);
        Claims(ClaimNames.SubjectPseudonym);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("createCitizenObjection").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new IdempotentAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ObjectionHandling, DefaultReasons.ObjectionCreate.Nl)));
        Summary(s =>
        {
            s.Summary = "Object: \u201cthis is not me\u201d or \u201cI don't want this\u201d";
            s.Description = """
                For the citizen of the verified token; the body holds only the kind and the citizen's words. Restricts at once:
                while the objection is open, case workers see the assignment as contested and new advice for the citizen answers
                409. A case worker reviews it (`POST /objections/{id}/review`). An upheld "I don't want this" also keeps the
                citizen's records out of every new clustering of the municipality's datasets.
                """;
            s.ExampleRequest = new Request { Kind = "notMe", Message = "Ik werk sinds kort 20 uur per week." };
        });
        Description(b => b.Produces<Response>(201).ProducesProblems(400, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var citizen = HttpContext.CitizenCaller();
        var language = RequestLanguage.From(HttpContext);
        var current = await assignments.FindCurrentForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, ct);
        var now = clock.GetUtcNow();
        var objection = Domain.Objections.Objection.File(
            Guid.CreateVersion7(now), citizen.SubjectPseudonym, current?.Id, req.Kind!, req.Message, now, citizen.Portal);
        await objections.AddAsync(ObjectionRow.From(citizen.TenantId, objection),
            accessLog.Entry(HttpContext, citizen.SubjectPseudonym, AuditActions.ObjectionCreate, objection.Id, now), ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.ResponseAsync(new Response
        {
            Id = objection.Id,
            Kind = objection.Kind,
            Status = objection.Status,
            CreatedAt = objection.CreatedAt,
            Text = CitizenTexts.ObjectionReceived(language),
        }, 201, ct);
    }
}
