namespace Datawijs.Api.Features.ProfileSets.Views;

public sealed class DisclosureRulesView
{
    /// <summary>The smallest count shown (numerator and denominator), and the smallest profile.</summary>
    public int MinimumCount { get; init; }

    /// <summary>Counts are rounded to a multiple of this.</summary>
    public int RoundingBase { get; init; }

    /// <summary>Medians are rounded to this many significant figures.</summary>
    public int MedianSignificantFigures { get; init; }
}
