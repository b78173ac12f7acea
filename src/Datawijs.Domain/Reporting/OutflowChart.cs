using System.Globalization;
using System.Xml.Linq;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Reporting;

/// <summary>
/// Draws time to outflow as an SVG (720 × 480): one step curve per group (the share still in over time) with
/// its 95 % interval as a light band, axes with labels, and a legend. For screen readers the
/// <c>&lt;title&gt;</c> names the chart and the <c>&lt;desc&gt;</c> gives every group's median with its interval.
/// Built with <see cref="XElement"/> (every text escaped); numbers in the invariant culture.
/// </summary>
public static class OutflowChart
{
    public const int Width = 720;
    public const int Height = 480;
    private const double Left = 70;
    private const double Right = 500;
    private const double Top = 50;
    private const double Bottom = 400;
    private static readonly string[] Colours = ["#1f5fa8", "#c05600", "#2e7d32", "#8e24aa", "#b71c1c", "#00838f", "#5d4037", "#616161"];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(IReadOnlyList<OutflowChartGroup> groups, DurationUnit unit, Language language = Language.Dutch)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var nl = language == Language.Dutch;
        var units = UnitName(unit, language);
        var maxTime = groups.SelectMany(g => g.Steps.Select(s => s.Time).Append(g.StopsAt ?? 0)).DefaultIfEmpty(0).Max();
        var axisMax = NiceCeiling(Math.Max(maxTime, 1));
        double X(double t) => Left + ((Right - Left) * t / axisMax);
        double Y(double s) => Bottom - ((Bottom - Top) * Math.Clamp(s, 0, 1));

        var title = nl ? "Tijd tot uitstroom per groep" : "Time to outflow per group";
        var root = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "outflow-title outflow-desc"),
            new XAttribute("font-family", "Arial, Helvetica, sans-serif"),
            new XElement(Svg + "title", new XAttribute("id", "outflow-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", "outflow-desc"), Description(groups, units, language)),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "#ffffff")),
            new XElement(Svg + "text", new XAttribute("class", "chart-title"), new XAttribute("x", N(Left)), new XAttribute("y", 28), new XAttribute("font-size", 16), new XAttribute("font-weight", "bold"), new XAttribute("fill", "#222222"), title));

        var axes = new XElement(Svg + "g", new XAttribute("class", "axes"), new XAttribute("font-size", 12), new XAttribute("fill", "#444444"));
        for (var share = 0; share <= 100; share += 25)
        {
            var y = Y(share / 100.0);
            axes.Add(Line(Left, y, Right, y, "#e0e0e0", 1, "gridline"));
            axes.Add(Text(Left - 8, y + 4, share.ToString(CultureInfo.InvariantCulture) + " %", "end", "tick"));
        }

        var tickStep = NiceCeiling(axisMax / 6);
        for (var t = 0.0; t <= axisMax + 1e-9; t += tickStep)
        {
            axes.Add(Line(X(t), Bottom, X(t), Bottom + 5, "#444444", 1, "tick-mark"));
            axes.Add(Text(X(t), Bottom + 20, Number(t, language), "middle", "tick"));
        }

        axes.Add(Line(Left, Top, Left, Bottom, "#444444", 1, "axis"));
        axes.Add(Line(Left, Bottom, Right, Bottom, "#444444", 1, "axis"));
        axes.Add(Text((Left + Right) / 2, Bottom + 45, (nl ? "Tijd in " : "Time in ") + units, "middle", "axis-label"));
        axes.Add(new XElement(
            Svg + "text",
            new XAttribute("class", "axis-label"),
            new XAttribute("transform", $"translate(18 {N((Top + Bottom) / 2)}) rotate(-90)"),
            new XAttribute("text-anchor", "middle"),
            nl ? "Aandeel nog niet uitgestroomd" : "Share not yet left"));
        root.Add(axes);

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var colour = Colours[g % Colours.Length];
            var series = new XElement(Svg + "g", new XAttribute("class", "group"));
            var end = group.StopsAt ?? (group.Steps.Count == 0 ? 0 : group.Steps[^1].Time);
            series.Add(new XElement(
                Svg + "path",
                new XAttribute("class", "interval"),
                new XAttribute("d", Band(group.Steps, end, X, Y)),
                new XAttribute("fill", colour),
                new XAttribute("fill-opacity", "0.15"),
                new XAttribute("stroke", "none")));
            series.Add(new XElement(
                Svg + "path",
                new XAttribute("class", "curve"),
                new XAttribute("d", Steps(group.Steps, s => s.Survival, end, X, Y)),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", colour),
                new XAttribute("stroke-width", 2.5),
                new XElement(Svg + "title", group.Label)));
            root.Add(series);
        }

        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"), new XAttribute("font-size", 13), new XAttribute("fill", "#222222"));
        legend.Add(Text(Right + 25, Top + 4, nl ? "Groep" : "Group", "start", "legend-title"));
        for (var g = 0; g < groups.Count; g++)
        {
            var y = Top + 26 + (g * 22);
            legend.Add(Line(Right + 25, y, Right + 55, y, Colours[g % Colours.Length], 2.5, "legend-line"));
            legend.Add(Text(Right + 62, y + 4, Shorten(groups[g].Label), "start", "legend-label"));
        }

        var bandY = Top + 26 + (groups.Count * 22) + 10;
        legend.Add(new XElement(Svg + "rect", new XAttribute("x", N(Right + 25)), new XAttribute("y", N(bandY - 7)), new XAttribute("width", 30), new XAttribute("height", 14), new XAttribute("fill", "#888888"), new XAttribute("fill-opacity", "0.25")));
        legend.Add(Text(Right + 62, bandY + 4, nl ? "95 %-interval" : "95 % interval", "start", "legend-label"));
        root.Add(legend);

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The unit's name in running text ("maanden", "weeks").</summary>
    public static string UnitName(DurationUnit unit, Language language) => (unit, language) switch
    {
        (DurationUnit.Days, Language.Dutch) => "dagen",
        (DurationUnit.Weeks, Language.Dutch) => "weken",
        (_, Language.Dutch) => "maanden",
        (DurationUnit.Days, _) => "days",
        (DurationUnit.Weeks, _) => "weeks",
        _ => "months",
    };

    /// <summary>A time in running text: at most one decimal, with a decimal comma in Dutch.</summary>
    public static string Number(double value, Language language)
    {
        // The API runs in invariant globalization mode: the Dutch decimal comma is put in by hand.
        var text = Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
        return language == Language.Dutch ? text.Replace('.', ',') : text;
    }

    private static string Description(IReadOnlyList<OutflowChartGroup> groups, string units, Language language)
    {
        var nl = language == Language.Dutch;
        var parts = new List<string>
        {
            nl
                ? "De lijnen tonen per groep welk deel van de huishoudens nog niet is uitgestroomd, over de tijd."
                : "The lines show, per group, the share of households that has not yet left, over time.",
        };
        foreach (var group in groups)
        {
            string text;
            if (group.Median is { } median)
            {
                text = nl
                    ? $"{group.Label}: de helft is uitgestroomd na {Number(median, language)} {units}"
                    : $"{group.Label}: half have left after {Number(median, language)} {units}";
                text += (group.MedianLower, group.MedianUpper) switch
                {
                    ({ } lower, { } upper) => nl
                        ? $" (95 %-interval {Number(lower, language)} tot {Number(upper, language)})."
                        : $" (95 % interval {Number(lower, language)} to {Number(upper, language)}).",
                    ({ } lower, null) => nl
                        ? $" (95 %-interval vanaf {Number(lower, language)}, de bovengrens is niet bekend)."
                        : $" (95 % interval from {Number(lower, language)}, the upper end is not known).",
                    _ => ".",
                };
            }
            else
            {
                text = nl
                    ? $"{group.Label}: minder dan de helft is uitgestroomd in de getoonde tijd."
                    : $"{group.Label}: fewer than half have left in the time shown.";
            }

            if (group.StopsAt is { } stop)
            {
                text += nl
                    ? $" De lijn stopt bij {Number(stop, language)} {units}: daarna zijn te weinig huishoudens over."
                    : $" The line stops at {Number(stop, language)} {units}: after that too few households are left.";
            }

            parts.Add(text);
        }

        return string.Join(" ", parts);
    }

    private static string Steps(IReadOnlyList<OutflowChartPoint> steps, Func<OutflowChartPoint, double> value, double end, Func<double, double> x, Func<double, double> y)
    {
        var d = new List<string> { "M" + N(x(0)) + "," + N(y(1)) };
        var current = 1.0;
        foreach (var step in steps)
        {
            var v = value(step);
            d.Add("H" + N(x(step.Time)));
            if (!double.IsNaN(v) && v != current)
            {
                d.Add("V" + N(y(v)));
                current = v;
            }
        }

        d.Add("H" + N(x(Math.Max(end, steps.Count == 0 ? 0 : steps[^1].Time))));
        return string.Join(" ", d);
    }

    // The interval as one closed shape: along the upper steps to the end, back along the lower steps.
    private static string Band(IReadOnlyList<OutflowChartPoint> steps, double end, Func<double, double> x, Func<double, double> y)
    {
        var upper = Corners(steps, s => s.Upper, end);
        var lower = Corners(steps, s => s.Lower, end);
        lower.Reverse();
        return "M" + string.Join(" L", upper.Concat(lower).Select(p => N(x(p.T)) + "," + N(y(p.V)))) + " Z";
    }

    private static List<(double T, double V)> Corners(IReadOnlyList<OutflowChartPoint> steps, Func<OutflowChartPoint, double> value, double end)
    {
        var points = new List<(double T, double V)> { (0, 1) };
        var current = 1.0;
        foreach (var step in steps)
        {
            var v = value(step);
            v = double.IsNaN(v) ? 0 : v;
            points.Add((step.Time, current));
            points.Add((step.Time, v));
            current = v;
        }

        points.Add((Math.Max(end, steps.Count == 0 ? 0 : steps[^1].Time), current));
        return points;
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 2.5, 3, 5, 6, 10 })
        {
            if (factor * magnitude >= value - 1e-9)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Shorten(string label) => label.Length <= 26 ? label : string.Concat(label.AsSpan(0, 25), "…");

    private static XElement Line(double x1, double y1, double x2, double y2, string colour, double width, string cls) =>
        new(
            Svg + "line",
            new XAttribute("class", cls),
            new XAttribute("x1", N(x1)),
            new XAttribute("y1", N(y1)),
            new XAttribute("x2", N(x2)),
            new XAttribute("y2", N(y2)),
            new XAttribute("stroke", colour),
            new XAttribute("stroke-width", width));

    private static XElement Text(double x, double y, string text, string anchor, string cls) =>
        new(Svg + "text", new XAttribute("class", cls), new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), text);

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
