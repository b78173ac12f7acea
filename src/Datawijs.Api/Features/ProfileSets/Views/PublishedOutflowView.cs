using Datawijs.Api.Features.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Features.ProfileSets.Views;

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
