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
