namespace Datawijs.Data.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
