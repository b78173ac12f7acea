using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Objections;

/// <summary>What objections say about a subject right now.</summary>
/// <param name="HasOpen">An objection is open: the advice is not given until it is reviewed.</param>
/// <param name="HasUpheld">An objection was upheld: profiles are no longer used for this subject.</param>
public readonly record struct SubjectRestriction(bool HasOpen, bool HasUpheld)
{
    public bool Restricted => HasOpen || HasUpheld;
}

/// <summary>Objections of citizens and their review. Every statement filters by tenant; each write stores its access log entry in the same transaction.</summary>
public sealed class ObjectionRepository(IDbConnectionFactory connections)
{
    public const string Open = "open";
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";

    private readonly ObjectionSql _sql = Dialect.Pick(connections.Provider, ObjectionSql.Sqlite, ObjectionSql.SqlServer);

    public async Task AddAsync(ObjectionRow objection, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(_sql.Insert, objection, transaction, cancellationToken: ct));
        await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<ObjectionRow?> FindAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ObjectionRow>(
            new CommandDefinition(_sql.Find, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    public async Task<SubjectRestriction> RestrictionForAsync(Guid tenantId, string subjectPseudonym, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var statuses = (await connection.QueryAsync<string>(new CommandDefinition(
            _sql.StatusesForSubject, new { TenantId = tenantId, SubjectPseudonym = subjectPseudonym }, cancellationToken: ct))).AsList();
        return new SubjectRestriction(statuses.Contains(Open), statuses.Contains(Upheld));
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
    /// Closes an open objection. Upheld withdraws the assignment it concerned, in the same
    /// transaction. False when the objection is not open (or not the tenant's).
    /// </summary>
    public async Task<bool> ReviewAsync(Guid tenantId, ObjectionRow objection, ObjectionReview review, AccessLogEntryRow logEntry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(review);
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(_sql.Review, new
        {
            TenantId = tenantId,
            objection.Id,
            review.Outcome,
            review.ReviewedAt,
            review.Reasoning,
            review.ClientId,
            review.UserId,
            review.UserRepresentation,
        }, transaction, cancellationToken: ct));
        if (changed != 1)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        if (review.Outcome == Upheld && objection.AssignmentId is { } assignmentId)
        {
            await connection.ExecuteAsync(new CommandDefinition(_sql.WithdrawAssignment,
                new { TenantId = tenantId, AssignmentId = assignmentId, WithdrawnAt = review.ReviewedAt }, transaction, cancellationToken: ct));
        }

        await AccessLogRepository.AppendAsync(connection, transaction, connections.Provider, [logEntry], ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
