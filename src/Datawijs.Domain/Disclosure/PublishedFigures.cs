using Datawijs.Domain.Clustering;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The one place where a number becomes something that may leave the API. Every view that shows a
/// count, a share, a lift, a median, a "relatively more frequent" mark or a figure of an advice calls
/// these functions, so the rules cannot drift apart between views:
/// <list type="bullet">
/// <item>A count is shown only when it is at least <see cref="DisclosureRules.MinimumCount"/>, and then
/// rounded to <see cref="DisclosureRules.RoundingBase"/> (see <see cref="Count"/>).</item>
/// <item>Shares, lifts and the "relatively more frequent" test are computed from the <em>published</em>
/// counts only, never from exact ones: a figure derived from exact counts can narrow the rounding interval
/// of a published count, and with it a difference between two publications.</item>
/// <item>A highlight ("relatively more frequent") is only given for a cell whose count is itself shown
/// (<see cref="RelativelyMoreFrequent"/> takes published counts, so a suppressed cell has none): naming a
/// suppressed cell would tell that it holds at least the minimum and so bound its row's other hidden cells.</item>
/// <item>Numeric values only as medians over at least the minimum number of values, rounded by
/// <see cref="DisclosureRules.RoundMedian"/>.</item>
/// <item>An advice's distances, terms and margins are given with <see cref="AdviceDecimals"/> decimals and
/// are computed against profile centres rounded as medians are (<see cref="Centre"/>), so that probing the
/// advice with chosen inputs yields no centre more exact than the published rounding.</item>
/// </list>
/// </summary>
public static class PublishedFigures
{
    /// <summary>Decimals of every figure of an advice (distances, terms, margins, sizes of change).</summary>
    public const int AdviceDecimals = 2;

    /// <summary>The significance level of the published "relatively more frequent" test (two-sided).</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>A count as it may be shown: null below the minimum, else rounded to the rounding base.</summary>
    public static int? Count(int exact, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return exact >= rules.MinimumCount ? rules.RoundCount(exact) : null;
    }

    /// <summary>A share in whole percent of two published counts; null when either is not published.</summary>
    public static int? SharePercent(int? publishedCount, int? publishedTotal) =>
        publishedCount is { } count && publishedTotal is > 0 and { } total
            ? (int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>
    /// Share in the profile divided by share in the population (one decimal), from published counts only;
    /// null when one of the four is not published.
    /// </summary>
    public static double? Lift(int? count, int? total, int? populationCount, int? populationTotal)
    {
        if (count is not { } c || total is not > 0 || populationCount is not > 0 || populationTotal is not > 0)
        {
            return null;
        }

        var lift = ((double)c / total.Value) / ((double)populationCount.Value / populationTotal.Value);
        return Math.Round(lift, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// "Relatively more frequent": from published counts only, the share in the profile is higher than in the
    /// rest of the population and a two-proportion z-test finds the difference significant. False whenever one
    /// of the counts is not published, so a suppressed cell is never highlighted.
    /// </summary>
    public static bool RelativelyMoreFrequent(int? count, int? total, int? populationCount, int? populationTotal)
    {
        if (count is not { } c || total is not { } n || populationCount is not { } pc || populationTotal is not { } pn || n <= 0 || pn <= n || pc < c)
        {
            return false;
        }

        var (z, p) = ProfileDescriber.TwoProportionZTest(c, n, pc - c, pn - n);
        return z > 0 && p < SignificanceLevel;
    }

    /// <summary>A median as it may be shown: over at least the minimum number of values, rounded; else null.</summary>
    public static double? Median(string feature, int values, double median, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return values >= rules.MinimumCount && !double.IsNaN(median) ? rules.RoundMedian(feature, median) : null;
    }

    /// <summary>
    /// A profile's numeric centre (a mean) as far as figures of an advice may depend on it. The exact mean is a
    /// sum over the profile's households divided by their number; known exactly it gives away the exact size
    /// the published counts round, and for a small mean (0.098 children) the sum itself: a count of households.
    /// So the sum over the profile's published number of households is first rounded as counts are (to 5),
    /// then the mean is rounded as published medians are. Without a published number only the second step applies.
    /// </summary>
    public static double Centre(string feature, double centre, DisclosureRules? rules = null, int? publishedHouseholds = null)
    {
        rules ??= DisclosureRules.Default;
        if (publishedHouseholds is > 0 and var households && rules.RoundingBase > 1 && double.IsFinite(centre))
        {
            var step = rules.RoundingBase;
            centre = Math.Round(centre * households / step, MidpointRounding.AwayFromZero) * step / households;
        }

        return rules.RoundMedian(feature, centre);
    }

    /// <summary>A figure of an advice as it is returned: <see cref="AdviceDecimals"/> decimals.</summary>
    public static double AdviceFigure(double value) =>
        double.IsFinite(value) ? Math.Round(value, AdviceDecimals, MidpointRounding.AwayFromZero) : value;
}
