using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Tenants;
using FastEndpoints;

namespace Datawijs.Api.Features.Citizen.AccessLog;

public sealed class Endpoint(
    AccessLogRepository log,
    TenantRepository tenants,
    CitizenRecords records,
    CitizenLookups lookups,
    AccessLogWriter accessLog) : EndpointWithoutRequest<Response>
{
    public const int MaxEntries = 500;

    public override void Configure()
    {
        Get("/citizen/access-log");
        AuthSchemes(CitizenAuthentication.SchemeName);
        Claims(ClaimNames.SubjectPseudonym);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("getCitizenAccessLog").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.CitizenAccess, DefaultReasons.AccessLogRead.Nl)));
        Summary(s =>
        {
            s.Summary = "Show the citizen who used their data, when, why and what for";
            s.Description = """
                For the citizen of the verified token. Newest first, at most the latest 500 entries; this read is itself the
                first entry. Reads through a portal are shown as "Inzage via <portal>". Always 200: with nothing stored about the
                citizen the list is empty and this read is not written either.
                """;
        });
        Description(b => b.Produces<Response>(200));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var citizen = HttpContext.CitizenCaller();
        var language = RequestLanguage.From(HttpContext);
        var entries = await log.ListForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, MaxEntries, ct);
        if (entries.Count > 0 || await records.AnyAsync(citizen.TenantId, citizen.SubjectPseudonym, ct))
        {
            // Written before the log is read, so the citizen sees this read too; nothing is handed out unrecorded.
            await accessLog.AppendAsync([accessLog.Entry(HttpContext, citizen.SubjectPseudonym, AuditActions.AccessLogRead, null)], ct);
            entries = await log.ListForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, MaxEntries, ct);
        }
        else
        {
            lookups.WithoutData(citizen.TenantSlug, citizen.Portal, "access log");
        }

        var organisation = entries.Count == 0 ? "" : (await tenants.FindByIdAsync(citizen.TenantId, ct))?.Name ?? citizen.TenantSlug;
        // Applications by the name people read, where the tenant gave one; else the client id (or the portal's name).
        var names = entries.Count == 0 ? [] : (await tenants.ListClientsAsync(citizen.TenantId, ct))
            .Where(c => c.Name is not null).ToDictionary(c => c.ClientId, c => c.Name!, StringComparer.Ordinal);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new Response
        {
            Language = RequestLanguage.Code(language),
            Items = entries.Select(e => new AccessLogEntry
            {
                At = e.OccurredAt,
                Organisation = organisation,
                Application = names.GetValueOrDefault(e.ClientId, e.ClientId),
                Person = e.UserRepresentation,
                Activity = CitizenTexts.Activity(e.Activity, language, e.ClientId),
                Reason = DefaultReasons.In(e.Reason, language),
                Action = CitizenTexts.Action(e.Action, language),
                ActionCode = e.Action,
            }).ToList(),
        }, ct);
    }
}
