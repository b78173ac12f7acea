using Datawijs.Api.Audit;
using Datawijs.Api.Features.Assignments;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Assignments;
using Datawijs.Domain.Explanations;
using Datawijs.Domain.Privacy;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Demo;

/// <summary>
/// Development only: the demo citizen (demo household 0, a synthetic BSN) has advice in the demo tenant,
/// so the printed citizen token shows a full explanation at once. Never runs elsewhere.
/// </summary>
public sealed class DemoCitizen(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    KeyRing keys,
    TimeProvider clock)
{
    public const string CaseWorkerApplication = "demo-zaaksysteem";

    public static string Bsn { get; } = DemoProfiles.SubjectId(0);

    /// <summary>Gives the demo citizen advice unless they have some; false when there is no published set.</summary>
    public async Task<bool> EnsureAdviceAsync(Guid tenantId, CancellationToken ct = default)
    {
        var pseudonym = keys.PseudonymiserFor(tenantId).Pseudonymise(Bsn);
        if (await assignments.FindCurrentForSubjectAsync(tenantId, pseudonym, ct) is not null
            || await profileSets.GetCurrentAsync(tenantId, ct) is not { } model)
        {
            return false;
        }

        // Only what a case worker sends: the features the distance uses (never the protected ones).
        var all = DemoProfiles.CitizenFeatures();
        var features = model.Space.Features.Where(f => f.InDistance && all.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => all[f.Name], StringComparer.Ordinal);
        if (Explainer.Explain(model.Space, features).Explanation is not { } explanation)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var row = new AssignmentRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            SubjectPseudonym = pseudonym,
            ProfileSetId = model.ProfileSetId,
            ProfileId = explanation.ProfileId,
            Features = StoredAdvice.Store(model.Space, features),
            Uncertain = explanation.Uncertain,
            CreatedAt = now,
            ClientId = CaseWorkerApplication,
            UserId = "demo-user",
            UserRepresentation = "Demo Medewerker",
        };
        var entry = new AccessLogEntryRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            SubjectPseudonym = pseudonym,
            OccurredAt = now,
            ClientId = CaseWorkerApplication,
            UserId = "demo-user",
            UserRepresentation = "Demo Medewerker",
            Activity = ProcessingActivities.ProfileAdvice,
            Reason = "Demo: advies voor een synthetische inwoner",
            Action = AuditActions.AssignmentCreate,
            ResourceId = row.Id,
        };
        return !(await assignments.AddUnlessRestrictedAsync(row, entry, ct)).Restricted;
    }
}
