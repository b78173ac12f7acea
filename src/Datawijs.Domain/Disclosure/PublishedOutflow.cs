using Datawijs.Domain.Datasets;
using Datawijs.Domain.Outflow;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The disclosure rules for time to outflow (the gate for curves; docs/profiles.md):
/// <list type="number">
/// <item>A group with fewer than MinimumCount households is withheld whole.</item>
/// <item>Curves are shown only at coarsened times 0, step, 2·step, … (default: every 3 months, in the
/// dataset's unit), so no single household's exit time is shown.</item>
/// <item>A curve stops at the first coarsened time at which fewer than MinimumCount households are still in,
/// and says where it stopped.</item>
/// <item>A drop is shown only once at least MinimumCount households left since the last drop shown; until
/// then the curve (and its interval) stays at the last shown value, so no drop can be read back as the exit
/// of one or a few households (the share times the rounded households still in).</item>
/// <item>Households, events and households still in are rounded to the rounding base, and shown only when at
/// least MinimumCount; shares and their bounds are shown as whole percentages (two decimals).</item>
/// </list>
/// </summary>
public static class PublishedOutflow
{
    /// <summary>The most coarsened times one curve shows; a curve that would need more stops there (bounds the work a tiny step can cause).</summary>
    public const int MaximumPoints = 10_000;

    /// <summary>The default step of the coarsened times: 3 months, in the dataset's unit (13 weeks, 91 days).</summary>
    public static double DefaultStep(DurationUnit unit) => unit switch
    {
        DurationUnit.Weeks => 13,
        DurationUnit.Days => 91,
        _ => 3,
    };

    /// <summary>Applies the rules to one exact curve (<paramref name="step"/> in the dataset's unit, positive).</summary>
    public static PublishedOutflowGroup Publish(SurvivalCurve curve, double step, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        if (!double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "The step must be finite.");
        }

        rules ??= DisclosureRules.Default;
        var min = rules.MinimumCount;
        if (curve.Households < min)
        {
            return new PublishedOutflowGroup(true, null, null, null, null, null, [], null);
        }

        var last = curve.Times.Count == 0 ? 0 : curve.Times[^1];
        var points = new List<PublishedOutflowPoint>();
        double? stopsAt = null;
        var shown = (Survival: 1.0, Lower: 1.0, Upper: 1.0);
        var eventsShown = 0;
        var eventsSoFar = 0;
        var next = 0; // the first exact time not yet counted in eventsSoFar
        for (var i = 0; ; i++)
        {
            var time = i * step;
            if (time > last && i > 0)
            {
                break;
            }

            var point = curve.At(time);
            if (point.AtRisk < min || i == MaximumPoints)
            {
                stopsAt = time;
                break;
            }

            for (; next < curve.Times.Count && curve.Times[next] <= time; next++)
            {
                eventsSoFar += curve.EventCounts[next];
            }

            if (eventsSoFar - eventsShown >= min)
            {
                shown = (point.Survival, point.Lower, point.Upper);
                eventsShown = eventsSoFar;
            }

            points.Add(new PublishedOutflowPoint(time, Share(shown.Survival), Share(shown.Lower), Share(shown.Upper), rules.RoundCount(point.AtRisk)));
        }

        double? FirstAtOrBelowHalf(Func<PublishedOutflowPoint, double> value) =>
            points.FirstOrDefault(p => value(p) <= 0.5) is { } p ? p.Time : null;

        return new PublishedOutflowGroup(
            false,
            PublishedFigures.Count(curve.Households, rules),
            PublishedFigures.Count(curve.Events, rules),
            FirstAtOrBelowHalf(p => p.Survival),
            FirstAtOrBelowHalf(p => p.Lower),
            FirstAtOrBelowHalf(p => p.Upper),
            points,
            stopsAt);
    }

    // A share as whole percent. The bounds of a curve that reached 0 are undefined in the exact curve (R: NA); shown as 0.
    private static double Share(double share) =>
        double.IsNaN(share) ? 0 : Math.Round(Math.Clamp(share, 0, 1), 2, MidpointRounding.AwayFromZero);
}
