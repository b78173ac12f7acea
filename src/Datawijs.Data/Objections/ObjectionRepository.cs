using System.Data.Common;
using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;
using Datawijs.Domain.Objections;

namespace Datawijs.Data.Objections;

/// <summary>Objections of citizens and their review. Every statement filters by tenant; each write stores its access log entry in the same transaction.</summary>
public sealed class ObjectionRepository(IDbConnectionFactory connections)
{
    private readonly ObjectionSql _sql = Dialect.Pick(connections.Provider, ObjectionSql.Sqlite, ObjectionSql.SqlServer);

    public Task AddAsync(ObjectionRow objection, AccessLogEntryRow logEntry, CancellationToken ct = default) =>
        connections.WriteAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, objection, transaction, cancellationToken: token));
            await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], token);
            return true;
        }, ct);

    public async Task<ObjectionRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ObjectionRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    public async Task<SubjectRestriction> RestrictionForAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await RestrictionForAsync(connection, null, connections.Provider, tenantId, subjectPseudonym, ct);
    }

    /// <summary>The restriction as seen inside another repository's transaction, so a check and the write it guards are one.</summary>
    internal static async Task<SubjectRestriction> RestrictionForAsync(
        DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, Guid tenantId, string subjectPseudonym, CancellationToken ct)
    {
        var sql = Dialect.Pick(provider, ObjectionSql.Sqlite, ObjectionSql.SqlServer);
        var statuses = await SqliteStatementCache.QueryTextsAsync(
            connection, transaction, sql.StatusesForSubject, new SubjectKey(tenantId, subjectPseudonym), ct);
        return SubjectRestriction.From(statuses);
    }

    /// <summary>The subject's objections, newest first (at most 100), with their reviews.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> AllForSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<ObjectionRow>(new CommandDefinition(
            _sql.AllForSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct));
        return rows.ToList();
    }

    public async Task<ObjectionRow?> LatestForSubjectAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ObjectionRow>(new CommandDefinition(
            _sql.LatestForSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct));
    }

    public async Task<Page<ObjectionRow>> PageAsync(Guid tenantId, string? status, PageCursor? after, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var command = after is { } cursor
            ? new CommandDefinition(_sql.NextPage, new { TenantId = tenantId, Status = status, AfterCreatedAt = cursor.CreatedAt, AfterId = cursor.Id, Limit = limit + 1 }, cancellationToken: ct)
            : new CommandDefinition(_sql.FirstPage, new { TenantId = tenantId, Status = status, Limit = limit + 1 }, cancellationToken: ct);
        var rows = (await connection.QueryAsync<ObjectionRow>(command)).AsList();
        return Page.FromOverfetch(rows, limit, last => new PageCursor(last.CreatedAt, last.Id));
    }

    /// <summary>
    /// Stores a review the domain made (<see cref="Objection.Review"/>): the objection's new status and review, and the
    /// withdrawal of the assignment it names (<see cref="Objection.WithdrawnAssignmentId"/>), in one transaction with the
    /// log entry. False when the objection is no longer open (another review came first) or not the tenant's.
    /// </summary>
    public Task<bool> ReviewAsync(Guid tenantId, Objection reviewed, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        var review = reviewed.Reviewed ?? throw new ArgumentException("The objection has not been reviewed.", nameof(reviewed));
        return connections.WriteAsync(async (connection, transaction, token) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(_sql.Review, new
            {
                TenantId = tenantId,
                reviewed.Id,
                review.Outcome,
                review.ReviewedAt,
                review.Reasoning,
                review.ClientId,
                review.UserId,
                review.UserRepresentation,
            }, transaction, cancellationToken: token));
            if (changed != 1)
            {
                return false;
            }

            if (reviewed.WithdrawnAssignmentId is { } assignmentId)
            {
                await connection.ExecuteAsync(new CommandDefinition(_sql.WithdrawAssignment,
                    new { TenantId = tenantId, AssignmentId = assignmentId, WithdrawnAt = review.ReviewedAt }, transaction, cancellationToken: token));
            }

            await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], token);
            return true;
        }, ct);
    }
}

/// <summary>A subject of a tenant, as statement parameters.</summary>
internal sealed record SubjectKey(Guid TenantId, string SubjectPseudonym);
