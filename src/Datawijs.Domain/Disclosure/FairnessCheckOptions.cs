namespace Datawijs.Domain.Disclosure;

/// <summary>Settings of the inequality check.</summary>
public sealed record FairnessCheckOptions
{
    public static FairnessCheckOptions Default { get; } = new();

    /// <summary>
    /// A protected group is over-represented in a profile when its share there is more than this many times
    /// its share among the rest of the households (default 2: more than twice as frequent).
    /// </summary>
    public double MaximumRatio { get; init; } = 2.0;

    /// <summary>
    /// Significance level of the one-sided Fisher exact test for the set as a whole (default 0.05): each test
    /// is held to Alpha divided by the number of tests in the set (Bonferroni).
    /// </summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The problem with a ratio setting, or null when it is usable (greater than 1, at most 100).</summary>
    public static string? ProblemWithRatio(double ratio) =>
        double.IsFinite(ratio) && ratio > 1 && ratio <= 100 ? null : "must be a number greater than 1 and at most 100";
}
