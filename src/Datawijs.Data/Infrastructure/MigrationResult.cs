using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;

namespace Datawijs.Data.Infrastructure;

public sealed record MigrationResult(bool Successful, IReadOnlyList<string> Applied, string? Error);
