namespace Datawijs.Data.Infrastructure;

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnectionString = "Data Source=./data/datawijs.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// The connection migrations are applied with, when it differs from the runtime one: a login that
    /// may change the schema, so that the runtime login needs no more than its data (on SQL Server: only
    /// INSERT and SELECT on the access log). Null: migrations use <see cref="ConnectionString"/>.
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>The connection string migrations use.</summary>
    public string ForMigrations => string.IsNullOrWhiteSpace(MigrationConnectionString) ? ConnectionString : MigrationConnectionString;
}
