using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Outflow;

namespace Datawijs.Domain.Tests.Disclosure;

public sealed class PublishedOutflowTests
{
    private static SurvivalCurve Curve(double[] durations, bool[] events) =>
        KaplanMeier.Fit(SurvivalData.Create(durations, events))[0];

    // 40 households leaving one per month (months 1..40), nobody censored.
    private static SurvivalCurve Steady(int households = 40) =>
        Curve(Enumerable.Range(1, households).Select(i => (double)i).ToArray(), Enumerable.Repeat(true, households).ToArray());

    [Fact]
    public void Curve_is_shown_only_at_the_coarsened_times()
    {
        var published = PublishedOutflow.Publish(Steady(), step: 3);

        Assert.False(published.Withheld);
        Assert.All(published.Curve, p => Assert.Equal(0, p.Time % 3));
        Assert.Equal([0, 3, 6, 9], published.Curve.Take(4).Select(p => p.Time));
        Assert.Equal(1, published.Curve[0].Survival);
        // At 9 months 9 of 40 have left: fewer than 10 since the start, so the curve still shows 1. At 12, 12
        // have left (at least 10 since the last drop shown): 28/40 still in.
        Assert.Equal(1, published.Curve[3].Survival);
        Assert.Equal(28 / 40.0, published.Curve[4].Survival, 0.006);
    }

    [Fact]
    public void A_drop_is_shown_only_once_at_least_ten_have_left_since_the_last_drop_shown()
    {
        // 24 households, one leaving every month: shown monthly, an exact curve would reveal each exit
        // (a drop of 1/24, 1/23, ... times the rounded households still in).
        var exact = Steady(24);
        var published = PublishedOutflow.Publish(exact, step: 1);

        var lastDrop = 0.0;
        var dropsSeen = 0;
        for (var i = 1; i < published.Curve.Count; i++)
        {
            var (from, to) = (published.Curve[i - 1], published.Curve[i]);
            if (to.Survival == from.Survival)
            {
                continue;
            }

            var left = exact.Times.Zip(exact.EventCounts).Where(t => t.First > lastDrop && t.First <= to.Time).Sum(t => t.Second);
            Assert.True(left >= 10, $"the drop at {to.Time} shows {left} households leaving since the drop at {lastDrop}");
            lastDrop = to.Time;
            dropsSeen++;
        }

        Assert.True(dropsSeen > 0);

        // The interval is held with the share, so it gives nothing away either.
        Assert.All(published.Curve.Where(p => p.Time < 10), p => Assert.Equal((1.0, 1.0, 1.0), (p.Survival, p.Lower, p.Upper)));
        Assert.Equal(14 / 24.0, published.Curve.Single(p => p.Time == 10).Survival, 0.006);
    }

    [Fact]
    public void Curve_stops_where_fewer_than_ten_are_still_in_and_says_so()
    {
        var published = PublishedOutflow.Publish(Steady(), step: 3);

        // Still in at t (duration >= t): 41 - t. At 30: 11; at 33: 8 (fewer than 10).
        Assert.Equal(30, published.Curve[^1].Time);
        Assert.Equal(33, published.StopsAt);
        Assert.All(published.Curve, p => Assert.True(p.AtRisk >= 10, $"at risk {p.AtRisk}"));
    }

    [Fact]
    public void Counts_are_rounded_to_five_and_small_event_counts_withheld()
    {
        var steady = PublishedOutflow.Publish(Steady(42), step: 3);
        Assert.Equal(40, steady.Households);
        Assert.Equal(40, steady.Events);
        Assert.All(steady.Curve, p => Assert.Equal(0, p.AtRisk % 5));

        // 20 households, 6 of whom left: the events (6) are below the minimum and withheld.
        var durations = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        var events = durations.Select(d => d <= 6).ToArray();
        var few = PublishedOutflow.Publish(Curve(durations, events), step: 3);
        Assert.Equal(20, few.Households);
        Assert.Null(few.Events);
    }

    [Fact]
    public void A_group_under_ten_households_is_withheld_whole()
    {
        var published = PublishedOutflow.Publish(Steady(9), step: 3);

        Assert.True(published.Withheld);
        Assert.Null(published.Households);
        Assert.Null(published.Events);
        Assert.Null(published.Median);
        Assert.Empty(published.Curve);
    }

    [Fact]
    public void Median_is_the_first_shown_time_at_or_below_one_half()
    {
        var exact = Steady();
        var published = PublishedOutflow.Publish(exact, step: 3);

        // Exact median: 20.5 (S = 0.5 from 20 to 21, as R: the middle). Shown every 3 months, the curve drops at 12
        // (12 left) and next at 24 (12 more; at 21 only 9 more had left), so the published median is 24.
        Assert.Equal(20.5, exact.Median);
        Assert.Equal(24, published.Median);
        Assert.True(published.MedianLower <= published.Median);
        Assert.True(published.MedianUpper is null || published.MedianUpper >= published.Median);
    }

    [Fact]
    public void Median_is_not_given_when_the_shown_curve_does_not_reach_one_half()
    {
        // Everyone censored: the curve stays at 1.
        var durations = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();
        var published = PublishedOutflow.Publish(Curve(durations, new bool[40]), step: 3);

        Assert.Null(published.Median);
        Assert.Null(published.Events);
        Assert.All(published.Curve, p => Assert.Equal(1, p.Survival));
    }

    [Fact]
    public void Default_step_is_three_months_in_the_datasets_unit()
    {
        Assert.Equal(3, PublishedOutflow.DefaultStep(DurationUnit.Months));
        Assert.Equal(13, PublishedOutflow.DefaultStep(DurationUnit.Weeks));
        Assert.Equal(91, PublishedOutflow.DefaultStep(DurationUnit.Days));
    }
}
