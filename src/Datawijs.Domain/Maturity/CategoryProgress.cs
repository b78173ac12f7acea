namespace Datawijs.Domain.Maturity;

/// <summary>How one category moved between two scans. Delta = later − earlier, unrounded.</summary>
public sealed record CategoryProgress(
    string CategoryId,
    double? EarlierScore,
    double? LaterScore,
    double? Delta,
    int? EarlierLevel,
    int? LaterLevel);
