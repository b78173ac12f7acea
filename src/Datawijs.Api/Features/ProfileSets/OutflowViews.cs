using Datawijs.Api.Features.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Outflow;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>One step of a Kaplan-Meier curve: from this time on, the share still in (not yet left), its 95 % interval (log) and the households at risk just before it.</summary>
public sealed class OutflowPointView
{
    public double Time { get; init; }

    public double Survival { get; init; }

    /// <summary>Null where the interval is not defined (the share reached 0), as R's NA.</summary>
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public int AtRisk { get; init; }
}

/// <summary>The exact outflow of one group (a profile, or one value of the chosen feature).</summary>
public sealed class OutflowGroupView
{
    /// <summary>Set when grouped by profile.</summary>
    public Guid? ProfileId { get; init; }

    /// <summary>Set when grouped by a feature: the declared value.</summary>
    public string? Value { get; init; }

    /// <summary>The profile's name or the value's label, in Dutch and English.</summary>
    public FeatureLabelText Label { get; init; } = new();

    public int Households { get; init; }

    /// <summary>Households that left (the event); the others are still in (censored).</summary>
    public int Events { get; init; }

    /// <summary>The first time the curve is at or below one half; null when it never gets there.</summary>
    public double? Median { get; init; }

    public double? MedianLower { get; init; }

    /// <summary>Null when the upper interval curve never gets to one half.</summary>
    public double? MedianUpper { get; init; }

    public IReadOnlyList<OutflowPointView> Curve { get; init; } = [];
}

/// <summary>The log-rank test (rho = 0) of equal outflow in every group.</summary>
public sealed class LogRankView
{
    public double ChiSquare { get; init; }

    public int Df { get; init; }

    public double PValue { get; init; }
}

/// <summary>
/// One hazard ratio of the Cox model (Efron ties) over the clustering features, all in one model. Categorical:
/// value against reference (the most frequent value). Numeric: per one standard deviation (perStandardDeviation,
/// in the feature's unit). Above 1: leaves sooner. Figures are null when the column could not be estimated
/// (a combination of other columns).
/// </summary>
public sealed class HazardRatioView
{
    public string Feature { get; init; } = "";

    public string? Value { get; init; }

    public string? Reference { get; init; }

    public double? PerStandardDeviation { get; init; }

    public double? HazardRatio { get; init; }

    /// <summary>Wald 95 % interval.</summary>
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    /// <summary>Two-sided Wald p-value.</summary>
    public double? PValue { get; init; }
}

/// <summary>Something left out of or uncertain in the analysis, e.g. a constant feature or a model that did not converge.</summary>
public sealed class OutflowNoteView
{
    public string Code { get; init; } = "";

    public string? Feature { get; init; }

    public string Message { get; init; } = "";
}

/// <summary>
/// Time to outflow per group with exact figures, for the data owner (profiles:manage): Kaplan-Meier curves as
/// R's survfit, the log-rank test as survdiff, hazard ratios as coxph. Publish only the coarsened form.
/// </summary>
public sealed class Outflow
{
    /// <summary>months, weeks or days.</summary>
    [Datawijs.Api.OpenApi.WireValues("months", "weeks", "days")]
    public string DurationUnit { get; init; } = "";

    /// <summary>profile or the feature the groups are values of.</summary>
    public string By { get; init; } = "";

    public IReadOnlyList<OutflowGroupView> Groups { get; init; } = [];

    /// <summary>Null when fewer than two groups have households that could leave (one group, or nobody left).</summary>
    public LogRankView? LogRank { get; init; }

    public IReadOnlyList<HazardRatioView> HazardRatios { get; init; } = [];

    /// <summary>Households not in any group (their value of the chosen feature is missing).</summary>
    public int LeftOut { get; init; }

    public IReadOnlyList<OutflowNoteView> Notes { get; init; } = [];

    public static Outflow From(OutflowFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new Outflow
        {
            DurationUnit = FeatureNames.Of(figures.Unit),
            By = figures.By,
            Groups = figures.Groups.Select(g => new OutflowGroupView
            {
                ProfileId = g.ProfileId,
                Value = g.Value,
                Label = new FeatureLabelText { Nl = g.Label.Nl, En = g.Label.En },
                Households = g.Curve.Households,
                Events = g.Curve.Events,
                Median = g.Curve.Median,
                MedianLower = g.Curve.MedianLower,
                MedianUpper = g.Curve.MedianUpper,
                Curve = Enumerable.Range(0, g.Curve.Times.Count).Select(i => new OutflowPointView
                {
                    Time = g.Curve.Times[i],
                    Survival = g.Curve.Survival[i],
                    Lower = Finite(g.Curve.Lower[i]),
                    Upper = Finite(g.Curve.Upper[i]),
                    AtRisk = g.Curve.AtRisk[i],
                }).ToList(),
            }).ToList(),
            LogRank = figures.LogRank is { } test ? new LogRankView { ChiSquare = test.ChiSquare, Df = test.Df, PValue = test.PValue } : null,
            HazardRatios = figures.Cox?.Terms.Select(t => new HazardRatioView
            {
                Feature = t.Feature,
                Value = t.Value,
                Reference = t.Reference,
                PerStandardDeviation = t.StandardDeviation,
                HazardRatio = Finite(t.HazardRatio),
                Lower = Finite(t.Lower),
                Upper = Finite(t.Upper),
                PValue = Finite(t.PValue),
            }).ToList() ?? [],
            LeftOut = figures.LeftOut,
            Notes = figures.Cox?.Notes.Select(n => new OutflowNoteView { Code = n.Code, Feature = n.Feature, Message = n.Message }).ToList() ?? [],
        };
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>One point of a published curve: the share still in at a coarsened time, its interval, and the households still in rounded to 5 (never fewer than 10).</summary>
public sealed class PublishedOutflowPointView
{
    public double Time { get; init; }

    public double Survival { get; init; }

    public double Lower { get; init; }

    public double Upper { get; init; }

    public int AtRisk { get; init; }
}

/// <summary>A profile's published outflow. Withheld: fewer than 10 households, nothing else shown.</summary>
public sealed class PublishedOutflowGroupView
{
    public Guid ProfileId { get; init; }

    /// <summary>The profile's name as published, in Dutch and English.</summary>
    public FeatureLabelText Name { get; init; } = new();

    public bool Withheld { get; init; }

    /// <summary>Rounded to 5; null when withheld.</summary>
    public int? Households { get; init; }

    /// <summary>Households that left, rounded to 5; null below 10.</summary>
    public int? Events { get; init; }

    /// <summary>The first shown time at which at most half are still in (the exact median rounded up to the step); null when the shown curve does not get there.</summary>
    public double? Median { get; init; }

    public double? MedianLower { get; init; }

    public double? MedianUpper { get; init; }

    public IReadOnlyList<PublishedOutflowPointView> Curve { get; init; } = [];

    /// <summary>The first coarsened time not shown because fewer than 10 households were still in; null when the curve is shown to the end.</summary>
    public double? StopsAt { get; init; }
}

/// <summary>Time to outflow per profile as published: coarsened times, no point with fewer than 10 still in, counts rounded to 5.</summary>
public sealed class PublishedOutflowView
{
    /// <summary>months, weeks or days.</summary>
    [Datawijs.Api.OpenApi.WireValues("months", "weeks", "days")]
    public string DurationUnit { get; init; } = "";

    /// <summary>The curves are shown at 0, step, 2 × step, … (in the duration unit).</summary>
    public double Step { get; init; }

    public IReadOnlyList<PublishedOutflowGroupView> Groups { get; init; } = [];

    public static PublishedOutflowView From(OutflowFigures figures, double step, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new PublishedOutflowView
        {
            DurationUnit = FeatureNames.Of(figures.Unit),
            Step = step,
            Groups = figures.Groups.Select(g =>
            {
                var p = PublishedOutflow.Publish(g.Curve, step, rules);
                return new PublishedOutflowGroupView
                {
                    ProfileId = g.ProfileId ?? Guid.Empty,
                    Name = new FeatureLabelText { Nl = g.Label.Nl, En = g.Label.En },
                    Withheld = p.Withheld,
                    Households = p.Households,
                    Events = p.Events,
                    Median = p.Median,
                    MedianLower = p.MedianLower,
                    MedianUpper = p.MedianUpper,
                    Curve = p.Curve.Select(c => new PublishedOutflowPointView { Time = c.Time, Survival = c.Survival, Lower = c.Lower, Upper = c.Upper, AtRisk = c.AtRisk }).ToList(),
                    StopsAt = p.StopsAt,
                };
            }).ToList(),
        };
    }
}

/// <summary>Chart input from either form of the figures.</summary>
public static class OutflowChartData
{
    public static IReadOnlyList<Domain.Reporting.OutflowChartGroup> Of(OutflowFigures figures, Domain.Language language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Groups.Select(g => new Domain.Reporting.OutflowChartGroup(
            g.Label.In(language),
            Enumerable.Range(0, g.Curve.Times.Count).Select(i => new Domain.Reporting.OutflowChartPoint(g.Curve.Times[i], g.Curve.Survival[i], g.Curve.Lower[i], g.Curve.Upper[i])).ToList(),
            g.Curve.Median,
            g.Curve.MedianLower,
            g.Curve.MedianUpper)).ToList();
    }

    public static IReadOnlyList<Domain.Reporting.OutflowChartGroup> Of(PublishedOutflowView published, Domain.Language language)
    {
        ArgumentNullException.ThrowIfNull(published);
        return published.Groups.Where(g => !g.Withheld).Select(g => new Domain.Reporting.OutflowChartGroup(
            language == Domain.Language.English ? g.Name.En : g.Name.Nl,
            g.Curve.Select(c => new Domain.Reporting.OutflowChartPoint(c.Time, c.Survival, c.Lower, c.Upper)).ToList(),
            g.Median,
            g.MedianLower,
            g.MedianUpper,
            g.StopsAt)).ToList();
    }
}
