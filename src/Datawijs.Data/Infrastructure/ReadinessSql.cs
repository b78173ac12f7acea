namespace Datawijs.Data.Infrastructure;

/// <summary>
/// What <c>/health/ready</c> runs: the database can be read, and a write could start now
/// (<see cref="Probe"/>); or, while this process's own writer is in a write transaction, only that it
/// can be read (<see cref="ReadProbe"/>).
/// </summary>
public sealed record ReadinessSql(string Probe, string ReadProbe) : ISqlStatements
{
    /// <summary>How long the probe waits for SQLite's write lock: probes must answer quickly.</summary>
    public const int ProbeTimeoutSeconds = 2;

    /// <summary>
    /// How long the probe waits for this process's writer turn (<see cref="IDbConnectionFactory.WriterTurnAsync"/>)
    /// before it concludes that this process is itself writing (a large upload holds its turn for seconds).
    /// </summary>
    public static readonly TimeSpan TurnWait = TimeSpan.FromMilliseconds(500);

    // Under WAL a writer that holds the lock (a stuck process, a crashed tool) does not stop readers, so
    // SELECT 1 says ready while every write waits and fails with 503. The probe reads the schema from the
    // file and takes the write lock for a moment, releasing it at once; it writes nothing. The lock comes
    // first: Microsoft.Data.Sqlite runs statements after the first row-returning one only when the reader is
    // disposed, and does not report their errors.
    public static readonly ReadinessSql Sqlite = new(
        "BEGIN IMMEDIATE; ROLLBACK; SELECT COUNT(*) FROM sqlite_schema;",
        "SELECT COUNT(*) FROM sqlite_schema;");

    public static readonly ReadinessSql SqlServer = new("SELECT 1", "SELECT 1");
}
