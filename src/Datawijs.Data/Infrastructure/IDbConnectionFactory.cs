using System.Data.Common;

namespace Datawijs.Data.Infrastructure;

/// <summary>Opens connections to the configured database, ready for use.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
