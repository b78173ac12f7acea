namespace Datawijs.Data.Infrastructure;

public sealed record MigrationResult(bool Successful, IReadOnlyList<string> Applied, string? Error);
