namespace Datawijs.Data.Infrastructure;

public static class Dialect
{
    public static T Pick<T>(DatabaseProvider provider, T sqlite, T sqlServer)
        where T : ISqlStatements =>
        provider == DatabaseProvider.Sqlite ? sqlite : sqlServer;
}
