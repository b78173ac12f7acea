using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Assignments;

/// <summary>Assignments and decisions. Every statement filters by tenant; each write stores its access log entry in the same transaction.</summary>
public sealed class AssignmentRepository(IDbConnectionFactory connections)
{
    private readonly AssignmentSql _sql = Dialect.Pick(connections.Provider, AssignmentSql.Sqlite, AssignmentSql.SqlServer);

    public async Task AddAsync(AssignmentRow assignment, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, assignment, transaction, cancellationToken: ct));
        await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], ct);
        await transaction.CommitAsync(ct);
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
    public async Task<bool> DecideAsync(Guid tenantId, Guid id, AssignmentDecision decision, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
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
        }, transaction, cancellationToken: ct));
        if (changed != 1)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
