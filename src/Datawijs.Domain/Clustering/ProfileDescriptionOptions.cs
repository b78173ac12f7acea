namespace Datawijs.Domain.Clustering;

/// <summary>Settings of a profile description.</summary>
public sealed record ProfileDescriptionOptions
{
    /// <summary>Significance level of the per-value test (two-sided, no multiple-testing correction).</summary>
    public double Alpha { get; init; } = 0.05;
}
