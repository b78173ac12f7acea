namespace Datawijs.Api.Features.Scans.Views;

public sealed class CategoryProgressView
{
    public string CategoryId { get; init; } = "";

    public double? EarlierScore { get; init; }

    public double? LaterScore { get; init; }

    /// <summary>Later − earlier; null when either has no score.</summary>
    public double? Delta { get; init; }
}
