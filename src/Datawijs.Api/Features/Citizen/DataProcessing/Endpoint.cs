using System.Security.Claims;
using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Auth.Citizens;
using Datawijs.Api.Configuration;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using Datawijs.Data.Objections;
using Datawijs.Data.Tenants;
using Datawijs.Domain;
using Datawijs.Domain.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Citizen.DataProcessing;

public sealed class Endpoint(
    TenantRepository tenants,
    DatasetRepository datasets,
    ObjectionRepository objections,
    StartupConfiguration configuration,
    CitizenRecords records,
    CitizenLookups lookups,
    AccessLogWriter accessLog) : EndpointWithoutRequest<Response>
{
    // Which processing activities a scope allows; scopes without one touch no one's personal data (maturity scans).
    private static readonly (string Scope, string Activity)[] ActivitiesOfScopes =
    [
        (Auth.Scopes.AssignmentsWrite, ProcessingActivities.ProfileAdvice),
        (Auth.Scopes.ObjectionsReview, ProcessingActivities.ObjectionHandling),
        (Auth.Scopes.ProfilesManage, ProcessingActivities.ProfileMaking),
    ];

    public override void Configure()
    {
        Get("/citizen/data-processing");
        AuthSchemes(CitizenAuthentication.SchemeName);
        Claims(ClaimNames.SubjectPseudonym);
        Tags("Citizen portal");
        Options(b => b.WithOperationId("getCitizenDataProcessing").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.CitizenAccess, DefaultReasons.DataProcessingRead.Nl)));
        Summary(s =>
        {
            s.Summary = "Show the citizen who may use their data and what for, and which datasets hold their record";
            s.Description = """
                For the citizen of the verified token: the organisation's applications and the processing activities each may
                carry out (by name, never a secret), the datasets that hold a record of the citizen with their purpose and
                retention date (found by pseudonym at read time), whether an upheld "I don't want this" keeps the citizen out of
                new clusterings, and the link to all published profiles with what a profile does not say. Always 200.
                """;
        });
        Description(b => b.Produces<Response>(200));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var citizen = HttpContext.CitizenCaller();
        var language = RequestLanguage.From(HttpContext);
        var tenant = await tenants.FindByIdAsync(citizen.TenantId, ct);
        var clients = await tenants.ListClientsAsync(citizen.TenantId, ct);
        var containing = await datasets.ContainingSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, ct);
        var excluded = (await objections.AllForSubjectAsync(citizen.TenantId, citizen.SubjectPseudonym, ct))
            .Any(o => o.Kind == ObjectionKinds.DoNotWant && o.Status == ObjectionStatuses.Upheld);

        var mayLook = clients
            .Where(c => c.RevokedAt is null)
            .Select(c => new AllowedApplication
            {
                Application = c.Name ?? c.ClientId,
                Activities = ActivitiesOfScopes
                    .Where(a => c.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(a.Scope, StringComparer.Ordinal))
                    .Select(a => Activity(a.Activity, language, null)).ToList(),
            })
            .Where(a => a.Activities.Count > 0)
            .Concat(configuration.CitizenIssuers
                .Where(i => i.Tenant == citizen.TenantSlug)
                // The portal the citizen uses now as in their log; every other portal by its own name (PortalName,
                // else its audience: the azp of this token names this portal, not another).
                .Select(i => string.Equals(i.Issuer, User.FindFirstValue(ClaimNames.CitizenIssuer), StringComparison.Ordinal)
                    ? citizen.Portal
                    : i.PortalName ?? i.Audience)
                .Append(citizen.Portal)
                .Distinct(StringComparer.Ordinal)
                .Select(portal => new AllowedApplication { Application = portal, Activities = [Activity(ProcessingActivities.CitizenAccess, language, portal)] }))
            .ToList();

        if (containing.Count > 0 || excluded || await records.AnyAsync(citizen.TenantId, citizen.SubjectPseudonym, ct))
        {
            await accessLog.AppendAsync([accessLog.Entry(HttpContext, citizen.SubjectPseudonym, AuditActions.DataProcessingRead, null)], ct);
        }
        else
        {
            lookups.WithoutData(citizen.TenantSlug, citizen.Portal, "data processing");
        }

        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(new Response
        {
            Language = RequestLanguage.Code(language),
            Organisation = tenant?.Name ?? citizen.TenantSlug,
            MayLookText = CitizenTexts.MayLookIntro(language),
            MayLook = mayLook,
            DatasetsText = CitizenTexts.DatasetsIntro(containing.Count, language),
            Datasets = containing.Select(d => new CitizenDataset
            {
                Name = d.Name,
                Purpose = d.Purpose,
                RetentionUntil = DateOnly.FromDateTime(d.RetentionUntil.UtcDateTime),
            }).ToList(),
            ExcludedFromNewClusterings = excluded,
            ClusteringText = CitizenTexts.ExcludedFromClusterings(excluded, language),
            Profiles = ProfilesNotice.For(citizen.TenantSlug, language),
        }, ct);
    }

    private static AllowedActivity Activity(string code, Language language, string? application) =>
        new() { Code = code, Name = CitizenTexts.Activity(code, language, application) };
}
