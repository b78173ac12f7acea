using System.Xml.Linq;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Reporting;

namespace Datawijs.Domain.Tests.Reporting;

public sealed class OutflowChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly OutflowChartGroup[] Groups =
    [
        new("Alleenstaand <met> bijstand", [new(0, 1, 1, 1), new(3, 0.8, 0.7, 0.9), new(6, 0.45, 0.35, 0.55)], 6, 6, null, StopsAt: 9),
        new("Stel met werk", [new(0, 1, 1, 1), new(3, 0.9, 0.85, 0.95)], null, null, null),
    ];

    [Fact]
    public void Chart_is_well_formed_with_one_curve_and_band_per_group()
    {
        var svg = XElement.Parse(OutflowChart.Render(Groups, DurationUnit.Months));

        Assert.Equal(2, svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "curve"));
        Assert.Equal(2, svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "interval"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Stel met werk");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.StartsWith("Alleenstaand <met>", StringComparison.Ordinal));
    }

    [Fact]
    public void Title_axis_labels_legend_and_medians_are_in_dutch_by_default_and_english_on_request()
    {
        var nl = XElement.Parse(OutflowChart.Render(Groups, DurationUnit.Months));
        var en = XElement.Parse(OutflowChart.Render(Groups, DurationUnit.Weeks, Language.English));

        Assert.Equal("Tijd tot uitstroom per groep", nl.Element(Svg + "title")!.Value);
        Assert.Contains(nl.Descendants(Svg + "text"), t => t.Value == "Tijd in maanden");
        var desc = nl.Element(Svg + "desc")!.Value;
        Assert.Contains("Alleenstaand <met> bijstand: de helft is uitgestroomd na 6 maanden", desc, StringComparison.Ordinal);
        Assert.Contains("De lijn stopt bij 9 maanden", desc, StringComparison.Ordinal);
        Assert.Contains("Stel met werk: minder dan de helft is uitgestroomd", desc, StringComparison.Ordinal);

        Assert.Equal("Time to outflow per group", en.Element(Svg + "title")!.Value);
        Assert.Contains(en.Descendants(Svg + "text"), t => t.Value == "Time in weeks");
        Assert.Contains("half have left after 6 weeks", en.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal("outflow-title outflow-desc", (string?)en.Attribute("aria-labelledby"));
    }
}
