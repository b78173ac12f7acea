using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Tenants;
using FastEndpoints;

namespace Datawijs.Api.Features.Citizen.AccessLog;

public sealed class Endpoint(AccessLogRepository log, TenantRepository tenants, AccessLogWriter accessLog) : Endpoint<Request, Response>
{
    public const int MaxEntries = 500;

    public override void Configure()
    {
        Post("/citizen/access-log");
        Scopes(Auth.Scopes.CitizenPortal);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("getCitizenAccessLog").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.CitizenAccess, "Inzage in wie uw gegevens gebruikte, op uw eigen verzoek")));
        Summary(s =>
        {
            s.Summary = "Show the citizen who used their data, when, why and what for";
            s.Description = "Newest first, at most the latest 500 entries. This read is itself the first entry.";
            s.ExampleRequest = new Request { SubjectId = "999990019" };
        });
        Description(b => b.Produces<Response>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var language = RequestLanguage.From(HttpContext);
        var pseudonym = accessLog.Pseudonymise(caller.TenantId, req.SubjectId!);
        await accessLog.AppendAsync([accessLog.Entry(HttpContext, pseudonym, AuditActions.AccessLogRead, null)], ct);
        var organisation = (await tenants.FindByIdAsync(caller.TenantId, ct))?.Name ?? caller.TenantSlug;
        var entries = await log.ListForSubjectAsync(caller.TenantId, pseudonym, MaxEntries, ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new Response
        {
            Language = RequestLanguage.Code(language),
            Items = entries.Select(e => new AccessLogEntry
            {
                At = e.OccurredAt,
                Organisation = organisation,
                Application = e.ClientId,
                Person = e.UserRepresentation,
                Activity = CitizenTexts.Activity(e.Activity, language),
                Reason = e.Reason,
                Action = CitizenTexts.Action(e.Action, language),
                ActionCode = e.Action,
            }).ToList(),
        }, ct);
    }
}
