using System.Data.Common;
using Dapper;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Assignments;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Tenants;

namespace Datawijs.Data.Tests;

/// <summary>The pure chain: the canonical form is pinned, so the documented form and the code cannot drift apart.</summary>
public sealed class AccessLogChainFormTests
{
    private static readonly AccessLogEntryRow Example = new()
    {
        Id = Guid.Parse("01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f"),
        TenantId = Guid.Parse("01936f4e-0000-7000-8000-000000000001"),
        SubjectPseudonym = "b1946ac92492d2347c6235b4d2611184",
        OccurredAt = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567),
        ClientId = "zaaksysteem",
        UserId = "u-42",
        UserRepresentation = "A. de Vries",
        Activity = "profile-advice",
        Reason = "Intake werk en inkomen",
        Action = "assignment.create",
        ResourceId = null,
    };

    [Fact]
    public void The_canonical_form_is_the_documented_one()
    {
        Assert.Equal(
            "datawijs-access-log-v1\nid=01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f\ntenant=01936f4e-0000-7000-8000-000000000001\nposition=1\n"
            + "previous=abc\noccurredAt=2026-12-07T09:30:00.1234567Z\nsubject=32:b1946ac92492d2347c6235b4d2611184\nclientId=11:zaaksysteem\n"
            + "userId=4:u-42\nuserRepresentation=11:A. de Vries\nactivity=14:profile-advice\nreason=22:Intake werk en inkomen\n"
            + "action=17:assignment.create\nresourceId=-\n",
            AccessLogChain.CanonicalForm(Example, 1, "abc"));
    }

    [Fact]
    public void A_value_cannot_pass_for_another_field_and_null_differs_from_empty()
    {
        var shifted = AccessLogChain.Chained(new AccessLogEntryRow
        {
            Id = Example.Id, TenantId = Example.TenantId, SubjectPseudonym = Example.SubjectPseudonym, OccurredAt = Example.OccurredAt,
            ClientId = Example.ClientId, UserId = "u-42\nuserRepresentation=11:A. de Vries", UserRepresentation = null,
            Activity = Example.Activity, Reason = Example.Reason, Action = Example.Action,
        }, 1, "g");
        Assert.NotEqual(AccessLogChain.Chained(Example, 1, "g").EntryHash, shifted.EntryHash);
        var empty = AccessLogChain.Chained(new AccessLogEntryRow { Id = Example.Id, TenantId = Example.TenantId, UserId = "" }, 1, "g");
        var none = AccessLogChain.Chained(new AccessLogEntryRow { Id = Example.Id, TenantId = Example.TenantId, UserId = null }, 1, "g");
        Assert.NotEqual(empty.EntryHash, none.EntryHash);
    }

    [Fact]
    public void Each_hash_covers_the_position_and_the_previous_hash()
    {
        var first = AccessLogChain.Chained(Example, 1, AccessLogChain.Genesis(Example.TenantId, []));
        Assert.Matches("^[0-9a-f]{64}$", first.EntryHash);
        Assert.NotEqual(first.EntryHash, AccessLogChain.Chained(Example, 2, first.PreviousHash!).EntryHash);
        Assert.NotEqual(first.EntryHash, AccessLogChain.Chained(Example, 1, new string('0', 64)).EntryHash);
        Assert.NotEqual(AccessLogChain.Genesis(Example.TenantId, []), AccessLogChain.Genesis(Guid.CreateVersion7(), []));
        Assert.NotEqual(AccessLogChain.Genesis(Example.TenantId, []), AccessLogChain.Genesis(Example.TenantId, [Example]));
    }

    [Fact]
    public void A_head_that_does_not_match_names_the_last_entry_at_its_own_position()
    {
        var genesis = AccessLogChain.Genesis(Example.TenantId, []);
        var chain = new List<AccessLogEntryRow>();
        var previous = genesis;
        for (var position = 1; position <= 21; position++)
        {
            var entry = AccessLogChain.Chained(new AccessLogEntryRow { Id = Guid.CreateVersion7(), TenantId = Example.TenantId, UserId = "u" + position }, position, previous);
            chain.Add(entry);
            previous = entry.EntryHash!;
        }

        var wrongHead = new AccessLogChainHead { TenantId = Example.TenantId, Position = 21, EntryId = chain[^1].Id, EntryHash = new string('0', 64), GenesisHash = genesis };
        var report = AccessLogChain.Verify(Example.TenantId, wrongHead, chain, []);

        Assert.Equal((chain[^1].Id, 21L), (report.Break!.EntryId, report.Break.Position));
        Assert.Contains("does not match the last entry", report.Break.Reason, StringComparison.Ordinal);
    }
}

/// <summary>
/// The chain as stored, for each provider (SQL Server only when configured): concurrent writers keep
/// it whole, and a change or removal behind the API's back is found and named.
/// </summary>
public abstract class AccessLogChainTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    protected TestDatabase Database => _database ??= TestDatabase.Create(provider);

    private bool Sqlite => provider == DatabaseProvider.Sqlite;

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<TenantRow> TenantAsync(string slug)
    {
        var (tenant, _) = await new TenantRepository(Database.Connections).EnsureAsync(
            new TenantRow { Id = Guid.CreateVersion7(), Slug = slug, Name = "Tenant " + slug, CreatedAt = T0 });
        return tenant;
    }

    private static AccessLogEntryRow Entry(Guid tenantId, int n, string action = "citizen.explanation.read") => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, SubjectPseudonym = "p" + (n % 7), OccurredAt = T0.AddMilliseconds(n),
        ClientId = "client", UserId = n % 2 == 0 ? "u1" : null, UserRepresentation = "A. de Vries", Activity = "profile-advice",
        Reason = "reden " + n, Action = action,
    };

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work)
    {
        await using var connection = await Database.Connections.OpenAsync();
        return await work(connection);
    }

    private Task<int> ExecuteAsync(string sqlite, string sqlServer, object? param = null) =>
        WithConnectionAsync(c => c.ExecuteAsync(Sqlite ? sqlite : sqlServer, param));

    private async Task<List<AccessLogEntryRow>> ChainOfAsync(Guid tenantId) =>
        (await WithConnectionAsync(c => c.QueryAsync<AccessLogEntryRow>(AccessLogSqlFor().ListChained, new { TenantId = tenantId }))).AsList();

    private AccessLogSql AccessLogSqlFor() => Sqlite ? AccessLogSql.Sqlite : AccessLogSql.SqlServer;

    // What an intruder with the database does first: switch the append-only guard off.
    private Task<int> DropGuardsAsync() => ExecuteAsync(
        "DROP TRIGGER tr_access_log_no_update; DROP TRIGGER tr_access_log_no_delete;",
        "DISABLE TRIGGER dbo.TR_AccessLog_AppendOnly ON dbo.AccessLog;");

    [Fact]
    public async Task Concurrent_writers_of_several_tenants_keep_every_chain_whole()
    {
        var tenants = new[] { await TenantAsync("a"), await TenantAsync("b"), await TenantAsync("c") };
        var log = new AccessLogRepository(Database.Connections);
        var assignments = new AssignmentRepository(Database.Connections);

        // Single entries, pairs and assignments with their entry, all at once; one write in four fails after
        // appending its entry, so its batch is rolled back and done again write by write.
        var writes = Enumerable.Range(0, 240).Select(async n =>
        {
            var tenant = tenants[n % 3].Id;
            switch (n % 4)
            {
                case 0:
                    await log.AppendAsync([Entry(tenant, n)]);
                    return true;
                case 1:
                    await log.AppendAsync([Entry(tenant, n), Entry(tenant, n + 1000)]);
                    return true;
                case 2:
                    await assignments.AddUnlessRestrictedAsync(
                        new AssignmentRow
                        {
                            Id = Guid.CreateVersion7(), TenantId = tenant, SubjectPseudonym = "q" + n, ProfileSetId = Guid.CreateVersion7(),
                            ProfileId = Guid.CreateVersion7(), Features = "{}", CreatedAt = T0, ClientId = "client",
                        },
                        Entry(tenant, n, "assignment.create"));
                    return true;
                default:
                    await Assert.ThrowsAsync<InvalidOperationException>(() => Database.Connections.WriteAsync<bool>(async (c, t, ct) =>
                    {
                        await AccessLogRepository.AppendAsync(c, t, provider, [Entry(tenant, n)], ct);
                        throw new InvalidOperationException("fails after its entry");
                    }));
                    return false;
            }
        });
        await Task.WhenAll(writes);

        foreach (var tenant in tenants)
        {
            var report = await log.VerifyAsync(tenant.Id);
            Assert.True(report.Intact, report.Break?.Reason);
            // 20 single, 20 pairs, 20 assignments per tenant; the failed ones left nothing.
            Assert.Equal(80, report.ChainedEntries);
            Assert.Equal(Enumerable.Range(1, 80).Select(i => (long?)i), (await ChainOfAsync(tenant.Id)).Select(e => e.ChainPosition));
        }
    }

    [Fact]
    public async Task An_untouched_log_verifies_and_a_changed_entry_is_named()
    {
        var tenant = await TenantAsync("zwolle");
        var other = await TenantAsync("kampen");
        var log = new AccessLogRepository(Database.Connections);
        for (var n = 0; n < 5; n++)
        {
            await log.AppendAsync([Entry(tenant.Id, n), Entry(other.Id, n)]);
        }

        var intact = await log.VerifyAsync(tenant.Id);
        Assert.True(intact.Intact);
        Assert.Equal((5L, 0L), (intact.ChainedEntries, intact.PreHistoryEntries));

        var third = (await ChainOfAsync(tenant.Id))[2];
        await DropGuardsAsync();
        await ExecuteAsync("UPDATE access_log SET reason = 'iets anders' WHERE id = @Id", "UPDATE dbo.AccessLog SET Reason = N'iets anders' WHERE Id = @Id", new { third.Id });

        var report = await log.VerifyAsync(tenant.Id);
        Assert.False(report.Intact);
        Assert.Equal((tenant.Id, third.Id, 3L), (report.Break!.TenantId, report.Break.EntryId, report.Break.Position));
        Assert.Contains("no longer match its hash", report.Break.Reason, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync(other.Id)).Intact);
    }

    [Fact]
    public async Task A_changed_entry_with_a_recomputed_hash_breaks_the_link_to_the_next()
    {
        var tenant = await TenantAsync("epe");
        var log = new AccessLogRepository(Database.Connections);
        for (var n = 0; n < 4; n++)
        {
            await log.AppendAsync([Entry(tenant.Id, n)]);
        }

        var chain = await ChainOfAsync(tenant.Id);
        var forged = AccessLogChain.Chained(new AccessLogEntryRow
        {
            Id = chain[1].Id, TenantId = tenant.Id, SubjectPseudonym = chain[1].SubjectPseudonym, OccurredAt = chain[1].OccurredAt,
            ClientId = chain[1].ClientId, UserId = chain[1].UserId, UserRepresentation = chain[1].UserRepresentation,
            Activity = chain[1].Activity, Reason = "vervalst", Action = chain[1].Action,
        }, 2, chain[1].PreviousHash!);
        await DropGuardsAsync();
        await ExecuteAsync(
            "UPDATE access_log SET reason = @Reason, entry_hash = @EntryHash WHERE id = @Id",
            "UPDATE dbo.AccessLog SET Reason = @Reason, EntryHash = @EntryHash WHERE Id = @Id",
            new { forged.Reason, forged.EntryHash, forged.Id });

        var report = await log.VerifyAsync(tenant.Id);
        Assert.Equal((chain[2].Id, 3L), (report.Break!.EntryId, report.Break.Position));
        Assert.Contains("previous hash does not match the entry at position 2", report.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_found_in_the_middle_and_at_the_end()
    {
        var tenant = await TenantAsync("olst");
        var log = new AccessLogRepository(Database.Connections);
        for (var n = 0; n < 5; n++)
        {
            await log.AppendAsync([Entry(tenant.Id, n)]);
        }

        var chain = await ChainOfAsync(tenant.Id);
        await DropGuardsAsync();
        await ExecuteAsync("DELETE FROM access_log WHERE id = @Id", "DELETE FROM dbo.AccessLog WHERE Id = @Id", new { chain[4].Id });
        var end = await log.VerifyAsync(tenant.Id);
        Assert.Equal((chain[3].Id, 4L), (end.Break!.EntryId, end.Break.Position));
        Assert.Contains("the last entries are missing", end.Break.Reason, StringComparison.Ordinal);

        await ExecuteAsync("DELETE FROM access_log WHERE id = @Id", "DELETE FROM dbo.AccessLog WHERE Id = @Id", new { chain[1].Id });
        var middle = await log.VerifyAsync(tenant.Id);
        Assert.Equal((chain[2].Id, 2L), (middle.Break!.EntryId, middle.Break.Position));
        Assert.Contains("the entry at position 2 is missing", middle.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_from_before_the_chain_are_sealed_by_its_genesis()
    {
        var tenant = await TenantAsync("raalte");
        var log = new AccessLogRepository(Database.Connections);
        // Written as before migration 0006: without a place in the chain.
        var old = new[] { Entry(tenant.Id, 1), Entry(tenant.Id, 2) };
        foreach (var entry in old)
        {
            await ExecuteAsync(
                "INSERT INTO access_log (id, tenant_id, subject_pseudonym, occurred_at, client_id, user_id, user_representation, activity, reason, action, resource_id) VALUES (@Id, @TenantId, @SubjectPseudonym, @OccurredAt, @ClientId, @UserId, @UserRepresentation, @Activity, @Reason, @Action, @ResourceId)",
                "INSERT INTO dbo.AccessLog (Id, TenantId, SubjectPseudonym, OccurredAt, ClientId, UserId, UserRepresentation, Activity, Reason, Action, ResourceId) VALUES (@Id, @TenantId, @SubjectPseudonym, @OccurredAt, @ClientId, @UserId, @UserRepresentation, @Activity, @Reason, @Action, @ResourceId)",
                entry);
        }

        var unsealed = await log.VerifyAsync(tenant.Id);
        Assert.True(unsealed.Intact);
        Assert.Equal((0L, 2L, false), (unsealed.ChainedEntries, unsealed.PreHistoryEntries, unsealed.PreHistorySealed));

        await log.AppendAsync([Entry(tenant.Id, 3)]);
        var sealedReport = await log.VerifyAsync(tenant.Id);
        Assert.True(sealedReport.Intact);
        Assert.Equal((1L, 2L, true), (sealedReport.ChainedEntries, sealedReport.PreHistoryEntries, sealedReport.PreHistorySealed));

        await DropGuardsAsync();
        await ExecuteAsync("UPDATE access_log SET reason = 'anders' WHERE id = @Id", "UPDATE dbo.AccessLog SET Reason = N'anders' WHERE Id = @Id", new { old[0].Id });
        var report = await log.VerifyAsync(tenant.Id);
        Assert.Equal(1L, report.Break!.Position);
        Assert.Contains("from before the chain no longer match the genesis", report.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_head_only_moves_forward_and_cannot_be_deleted()
    {
        var tenant = await TenantAsync("dalfsen");
        await new AccessLogRepository(Database.Connections).AppendAsync([Entry(tenant.Id, 1), Entry(tenant.Id, 2)]);
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(
            "UPDATE access_log_chain_heads SET position = 1 WHERE tenant_id = @Id",
            "UPDATE dbo.AccessLogChainHeads SET Position = 1 WHERE TenantId = @Id",
            new { tenant.Id }));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(
            "DELETE FROM access_log_chain_heads", "DELETE FROM dbo.AccessLogChainHeads"));
        Assert.True((await new AccessLogRepository(Database.Connections).VerifyAsync(tenant.Id)).Intact);
    }
}

public sealed class SqliteAccessLogChainTests() : AccessLogChainTests(DatabaseProvider.Sqlite);

/// <summary>Runs only when DATAWIJS_TEST_SQLSERVER is set (see README, "SQL Server").</summary>
public sealed class SqlServerAccessLogChainTests : AccessLogChainTests
{
    public SqlServerAccessLogChainTests()
        : base(DatabaseProvider.SqlServer)
    {
        Assert.SkipUnless(TestDatabase.SqlServerConfigured, $"Set {TestDatabase.SqlServerVariable} to a SQL Server connection string to run these.");
    }
}

/// <summary>
/// SQL Server cannot run here, so the serialisation of one tenant's writers is checked in the statement
/// itself, with Microsoft's parser: the head is read with UPDLOCK (writers queue) and HOLDLOCK (the key
/// range stays locked when the tenant has no head yet).
/// </summary>
public sealed class AccessLogChainLockingTests
{
    [Fact]
    public void The_sql_server_writer_reads_its_tenants_chain_head_with_updlock_and_holdlock()
    {
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(AccessLogSql.SqlServer.LockHead);
        var script = (Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)parser.Parse(reader, out var errors);
        Assert.Empty(errors);
        var select = Assert.IsType<Microsoft.SqlServer.TransactSql.ScriptDom.SelectStatement>(Assert.Single(Assert.Single(script.Batches).Statements));
        var query = Assert.IsType<Microsoft.SqlServer.TransactSql.ScriptDom.QuerySpecification>(select.QueryExpression);
        var table = Assert.IsType<Microsoft.SqlServer.TransactSql.ScriptDom.NamedTableReference>(Assert.Single(query.FromClause.TableReferences));
        Assert.Equal("AccessLogChainHeads", table.SchemaObject.BaseIdentifier.Value);
        Assert.Equal(
            [Microsoft.SqlServer.TransactSql.ScriptDom.TableHintKind.UpdLock, Microsoft.SqlServer.TransactSql.ScriptDom.TableHintKind.HoldLock],
            table.TableHints.Select(h => h.HintKind));
        Assert.NotNull(query.WhereClause);
        Assert.Contains("TenantId = @TenantId", AccessLogSql.SqlServer.LockHead, StringComparison.Ordinal);
    }
}
