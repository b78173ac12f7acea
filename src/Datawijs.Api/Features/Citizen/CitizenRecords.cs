using Datawijs.Data.AccessLog;
using Datawijs.Data.Assignments;
using Datawijs.Data.Datasets;
using Datawijs.Data.Objections;

namespace Datawijs.Api.Features.Citizen;

/// <summary>
/// Whether anything at all is stored about a subject in a tenant: advice, an objection, an access-log
/// entry or a record in a dataset. A citizen read of a subject with nothing stored writes no access-log
/// row (it would be the first thing stored about them) and is counted as a lookup without data instead.
/// </summary>
public sealed class CitizenRecords(AssignmentRepository assignments, ObjectionRepository objections, AccessLogRepository log, DatasetRepository datasets)
{
    public async Task<bool> AnyAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct) =>
        await objections.LatestForSubjectAsync(tenantId, subjectPseudonym, ct) is not null
        || await assignments.FindCurrentForSubjectAsync(tenantId, subjectPseudonym, ct) is not null
        || (await log.ListForSubjectAsync(tenantId, subjectPseudonym, 1, ct)).Count > 0
        || (await datasets.ContainingSubjectAsync(tenantId, subjectPseudonym, ct)).Count > 0;
}
