using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Objections;
using Datawijs.Domain.Assignments;
using Datawijs.Domain.Objections;

namespace Datawijs.Data.Assignments;

/// <summary>Assignments and decisions. Every statement filters by tenant; each write stores its access log entry in the same transaction.</summary>
public sealed class AssignmentRepository(IDbConnectionFactory connections)
{
    private readonly AssignmentSql _sql = Dialect.Pick(connections.Provider, AssignmentSql.Sqlite, AssignmentSql.SqlServer);

    /// <summary>
    /// Stores the assignment and its log entry unless the subject has an open or upheld objection:
    /// the check and the insert are one statement, so an objection that lands first always wins.
    /// Returns the restriction that refused it, or an unrestricted value when stored.
    /// </summary>
    public Task<SubjectRestriction> AddUnlessRestrictedAsync(AssignmentRow assignment, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            if (await SqliteStatementCache.ExecuteAsync(connection, transaction, _sql.InsertUnlessRestricted, assignment, token) == 0)
            {
                // Not stored: the subject objected. Which objection it was decides what the caller is told.
                return await ObjectionRepository.RestrictionForAsync(
                    connection, transaction, connections.Provider, assignment.TenantId, assignment.SubjectPseudonym, token);
            }

            await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], token);
            return default(SubjectRestriction);
        }, ct);
    }

    public async Task<AssignmentRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AssignmentRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    /// <summary>The subject's latest assignment that is still in use (not withdrawn after an upheld objection).</summary>
    public async Task<AssignmentRow?> FindCurrentForSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AssignmentRow>(
            new CommandDefinition(_sql.FindCurrentForSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct));
    }

    /// <summary>Records the decision once; false when the assignment is already decided, withdrawn or not the tenant's.</summary>
    public Task<bool> DecideAsync(Guid tenantId, Guid id, AssignmentDecision decision, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(_sql.Decide, new
            {
                TenantId = tenantId,
                Id = id,
                decision.Outcome,
                decision.Reasoning,
                decision.DecidedAt,
                decision.ClientId,
                decision.UserId,
                decision.UserRepresentation,
            }, transaction, cancellationToken: token));
            if (changed != 1)
            {
                return false;
            }

            await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], token);
            return true;
        }, ct);
    }
}
