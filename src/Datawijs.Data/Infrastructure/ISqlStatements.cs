namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Marks a set of SQL statements for one dialect. Every repository keeps its SQL in such a
/// record with two instances, <c>Sqlite</c> and <c>SqlServer</c>; the tests parse every string
/// of every <c>SqlServer</c> instance with ScriptDom, so SQL Server statements are checked even
/// where no SQL Server runs.
/// </summary>
public interface ISqlStatements;
