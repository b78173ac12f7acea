using Datawijs.Api.Audit;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// An assignment as it stands now: the advice only while it is in use (not contested, not withdrawn),
/// with the decision and objection state, and the read written to the access log before it is returned.
/// Serves <c>GET /assignments/{id}</c> and the replay of an advice asked with an Idempotency-Key, so a
/// retry can never hand out advice that an objection has stopped since, nor go unrecorded.
/// </summary>
public sealed class AssignmentReads(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog)
{
    /// <summary>The tenant's assignment, or null when it has none with this id.</summary>
    public async Task<Assignment?> ReadAsync(HttpContext context, Guid tenantId, Guid id, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var row = await assignments.FindAsync(tenantId, id, ct);
        if (row is null)
        {
            return null;
        }

        var restriction = await objections.RestrictionForAsync(tenantId, row.SubjectPseudonym, ct);
        var latest = await objections.LatestForSubjectAsync(tenantId, row.SubjectPseudonym, ct);
        var status = row.ToAssignment().StatusWith(restriction);
        var model = Domain.Assignments.Assignment.ShowsAdvice(status)
            ? await profileSets.FindAsync(tenantId, row.ProfileSetId, ct)
            : null;
        var view = Assignment.From(row, status, model, StoredAdvice.Recompute(model, row), language, latest);

        // Logged before anything is returned: no read of a subject's data goes unrecorded.
        await accessLog.AppendAsync([accessLog.Entry(context, row.SubjectPseudonym, AuditActions.AssignmentRead, row.Id)], ct);
        return view;
    }
}
