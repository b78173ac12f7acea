namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The statistical disclosure rules (docs/profiles.md). Defaults: every published count (numerator and
/// denominator) at least 10, counts rounded to 5, medians to 2 significant figures unless a feature has
/// its own step (e.g. income to €500).
/// </summary>
public sealed record DisclosureRules
{
    public static DisclosureRules Default { get; } = new();

    /// <summary>The smallest count that may be published, and the smallest publishable profile.</summary>
    public int MinimumCount { get; init; } = 10;

    /// <summary>Published counts are rounded to a multiple of this (half away from zero).</summary>
    public int RoundingBase { get; init; } = 5;

    /// <summary>Significant figures of a published median when the feature has no step of its own.</summary>
    public int MedianSignificantFigures { get; init; } = 2;

    /// <summary>Per numeric feature name: round its medians to a multiple of this step instead.</summary>
    public IReadOnlyDictionary<string, double> MedianSteps { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Rounds a count to the rounding base.</summary>
    public int RoundCount(int count) =>
        RoundingBase <= 1 ? count : (int)Math.Round(count / (double)RoundingBase, MidpointRounding.AwayFromZero) * RoundingBase;

    /// <summary>A share as a whole percentage, computed from the rounded counts so that it reveals no more than they do.</summary>
    public int SharePercent(int count, int total) => PublishedFigures.SharePercent(RoundCount(count), RoundCount(total)) ?? 0;

    /// <summary>Rounds a median: to the feature's step, or else to <see cref="MedianSignificantFigures"/> significant figures.</summary>
    public double RoundMedian(string feature, double median)
    {
        if (double.IsNaN(median) || median == 0)
        {
            return median;
        }

        if (MedianSteps.TryGetValue(feature, out var step) && step > 0)
        {
            return Math.Round(median / step, MidpointRounding.AwayFromZero) * step;
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(median)));
        var exponent = MedianSignificantFigures - 1 - magnitude;
        if (exponent >= 0)
        {
            var scale = Math.Pow(10, exponent);
            return Math.Round(median * scale, MidpointRounding.AwayFromZero) / scale;
        }

        var unit = Math.Pow(10, -exponent);
        return Math.Round(median / unit, MidpointRounding.AwayFromZero) * unit;
    }
}
