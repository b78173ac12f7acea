using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Features.ProfileSets.Views;

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
