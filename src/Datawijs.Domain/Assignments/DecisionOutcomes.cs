namespace Datawijs.Domain.Assignments;

/// <summary>What a person decides about the advice. The values are stored and sent as they are.</summary>
public static class DecisionOutcomes
{
    /// <summary>The person follows the advice.</summary>
    public const string Follows = "follows";

    /// <summary>The person deviates from the advice.</summary>
    public const string Deviates = "deviates";

    public static readonly IReadOnlyList<string> All = [Follows, Deviates];
}
