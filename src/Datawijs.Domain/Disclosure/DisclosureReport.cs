namespace Datawijs.Domain.Disclosure;

/// <summary>Why something is not published.</summary>
public enum SuppressionReason
{
    /// <summary>A count of 1..MinimumCount−1.</summary>
    BelowThreshold,

    /// <summary>The count it is a share of (the profile or the dataset) is below the minimum.</summary>
    DenominatorBelowThreshold,

    /// <summary>Would let a suppressed count be derived from a total (row: profile size; column: dataset count of the value).</summary>
    Secondary,

    /// <summary>A share of 0 % or 100 % (also after rounding): it would tell something about every member.</summary>
    ExtremeShare,

    /// <summary>A median over fewer than MinimumCount values.</summary>
    MedianBelowThreshold,

    /// <summary>A profile with fewer than MinimumCount households: blocks publication of the whole set.</summary>
    ProfileTooSmall,
}

/// <summary>What kind of figure was withheld.</summary>
public enum SuppressedItem
{
    Count,
    Median,
    Profile,
}

/// <summary>
/// One withheld figure. <see cref="Profile"/> null = the whole-dataset (population) figure;
/// <see cref="Value"/> null on a count = the "unknown" cell. Deliberately carries no counts.
/// </summary>
public sealed record Suppression(int? Profile, SuppressedItem Item, string Feature, string? Value, SuppressionReason Reason);

/// <summary>The gate's verdict: publishable or not, and every suppression with its reason.</summary>
public sealed record DisclosureReport(bool Publishable, IReadOnlyList<int> BlockingProfiles, IReadOnlyList<Suppression> Suppressions, int ShownCounts);

/// <summary>The result of <see cref="DisclosureGate.Apply"/>: the report, and the view model only when publishable.</summary>
public sealed record DisclosureOutcome(DisclosureReport Report, PublishedProfileSet? ProfileSet);
