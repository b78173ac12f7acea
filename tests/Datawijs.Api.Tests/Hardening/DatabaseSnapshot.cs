using System.Text;
using Microsoft.Data.Sqlite;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// The rows of the SQLite database as text per table, read behind the API's back: to prove that a
/// tenant's calls changed nothing that is not its own, and that its own rows name nothing of another tenant.
/// </summary>
public static class DatabaseSnapshot
{
    /// <summary>Every row except those of one tenant (whose own bookkeeping, such as idempotency records and its access log, may change).</summary>
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(string databasePath, Guid exceptTenant, CancellationToken ct) =>
        ReadAsync(databasePath, exceptTenant, own: false, ct);

    /// <summary>Only the rows of one tenant, in the tables that have a tenant.</summary>
    public static Task<IReadOnlyDictionary<string, string>> OwnRowsAsync(string databasePath, Guid tenant, CancellationToken ct) =>
        ReadAsync(databasePath, tenant, own: true, ct);

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string databasePath, Guid tenant, bool own, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
#pragma warning disable CA2100 // table names come from sqlite_master
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
#pragma warning restore CA2100
                await using var reader = await info.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    columns.Add(reader.GetString(0));
                }
            }

            if (own && !columns.Contains("tenant_id"))
            {
                continue;
            }

            await using var select = connection.CreateCommand();
            var filter = own ? " WHERE tenant_id = $tenant" : columns.Contains("tenant_id") ? " WHERE tenant_id <> $tenant" : table == "tenants" ? " WHERE id <> $tenant" : "";
#pragma warning disable CA2100 // table and column names come from sqlite_master
            select.CommandText = $"SELECT * FROM \"{table}\"{filter} ORDER BY {string.Join(", ", columns.Select(c => "\"" + c + "\""))}";
#pragma warning restore CA2100
            select.Parameters.AddWithValue("$tenant", tenant.ToString("D"));
            var rows = new StringBuilder();
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        rows.Append(columns[i]).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }

                    rows.Append('\n');
                }
            }

            snapshot[table] = rows.ToString();
        }

        return snapshot;
    }

    /// <summary>The tables whose content differs, with a short hint of how.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"table {t}: {Lines(before.GetValueOrDefault(t))} rows before, {Lines(after.GetValueOrDefault(t))} after")
            .ToList();

    private static int Lines(string? text) => text is null ? 0 : text.Count(c => c == '\n');
}
