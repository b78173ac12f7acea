using Datawijs.Api.Features.ProfileSets.Views;

namespace Datawijs.Api.Features.ProfileSets;

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
