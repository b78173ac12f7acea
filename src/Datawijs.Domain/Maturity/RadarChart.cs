using System.Globalization;
using System.Xml.Linq;

namespace Datawijs.Domain.Maturity;

/// <summary>
/// Draws a scan as an SVG radar chart (600 × 600): one axis per category, rings for levels 1–5,
/// the scan, the peer median (dashed) and the targets. Built with <see cref="XElement"/>, so every
/// text is escaped and the output is always well-formed XML; numbers use the invariant culture.
/// </summary>
public static class RadarChart
{
    public const int Size = 600;
    private const double CentreX = 300;
    private const double CentreY = 265;
    private const double Radius = 170;
    private const double LabelDistance = 188;
    private const int WrapAfter = 14;
    private const string ScanColour = "#1f5fa8";
    private const string PeerColour = "#c05600";
    private const string TargetColour = "#2e7d32";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Renders the chart.</summary>
    /// <param name="peerMedians">Peer median per category id; the dashed polygon is drawn only when every category has one.</param>
    public static string Render(MaturityModel model, ScanScore score, Language language = Language.Dutch, IReadOnlyDictionary<string, double>? peerMedians = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(score);
        var categories = model.Categories;
        var top = model.HighestLevel;
        var texts = Texts.For(language);

        var scanValues = categories.Select(c => score.Category(c.Id)?.Score).ToList();
        var peerValues = peerMedians is null
            ? null
            : categories.Select(c => peerMedians.TryGetValue(c.Id, out var m) ? (double?)m : null).ToList();
        var drawPeer = peerValues is not null && peerValues.All(v => v is not null);
        var targetValues = categories.Select(c => (double?)score.Category(c.Id)?.Target).ToList();
        var hasTargets = targetValues.Any(t => t is not null);

        var root = new XElement(
            Svg + "svg",
            new XAttribute("width", Size),
            new XAttribute("height", Size),
            new XAttribute("viewBox", $"0 0 {Size} {Size}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "radar-title radar-desc"),
            new XAttribute("font-family", "Arial, Helvetica, sans-serif"),
            new XElement(Svg + "title", new XAttribute("id", "radar-title"), texts.Title),
            new XElement(Svg + "desc", new XAttribute("id", "radar-desc"), Description(model, score, language, texts, peerValues, drawPeer)),
            new XElement(Svg + "rect", new XAttribute("width", Size), new XAttribute("height", Size), new XAttribute("fill", "#ffffff")));

        var grid = new XElement(Svg + "g", new XAttribute("class", "grid"), new XAttribute("aria-hidden", "true"));
        foreach (var level in model.Levels)
        {
            grid.Add(new XElement(
                Svg + "polygon",
                new XAttribute("class", "ring"),
                new XAttribute("points", Points(Enumerable.Repeat((double?)level.Number, categories.Count).ToList(), top)),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", "#c8c8c8"),
                new XAttribute("stroke-width", 1)));
            // Ring numbers sit between the first and the last axis, where no data point can cover them.
            var (x, y) = Point(-0.5, categories.Count, Radius * level.Number / top);
            grid.Add(new XElement(
                Svg + "text",
                new XAttribute("class", "ring-label"),
                new XAttribute("x", N(x)),
                new XAttribute("y", N(y + 4)),
                new XAttribute("text-anchor", "middle"),
                new XAttribute("font-size", 11),
                new XAttribute("fill", "#666666"),
                level.Number.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var (x, y) = Point(i, categories.Count, Radius);
            grid.Add(new XElement(
                Svg + "line",
                new XAttribute("class", "axis"),
                new XAttribute("x1", N(CentreX)),
                new XAttribute("y1", N(CentreY)),
                new XAttribute("x2", N(x)),
                new XAttribute("y2", N(y)),
                new XAttribute("stroke", "#c8c8c8"),
                new XAttribute("stroke-width", 1)));
        }

        root.Add(grid);

        var labels = new XElement(Svg + "g", new XAttribute("class", "axis-labels"), new XAttribute("font-size", 13), new XAttribute("fill", "#222222"));
        for (var i = 0; i < categories.Count; i++)
        {
            labels.Add(Label(i, categories.Count, categories[i].Name.In(language)));
        }

        root.Add(labels);

        if (hasTargets)
        {
            root.Add(Series("target", targetValues, top, TargetColour, fill: false, dashed: false, texts.Target, categories, language));
        }

        if (drawPeer)
        {
            root.Add(Series("peer-median", peerValues!, top, PeerColour, fill: false, dashed: true, texts.PeerMedian, categories, language));
        }

        root.Add(Series("scan", scanValues, top, ScanColour, fill: true, dashed: false, texts.Scan, categories, language));
        root.Add(Legend(texts, drawPeer, hasTargets));

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Series(
        string name,
        List<double?> values,
        int top,
        string colour,
        bool fill,
        bool dashed,
        string label,
        IReadOnlyList<MaturityCategory> categories,
        Language language)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", name));
        // A polygon needs a value on every axis; partial targets are shown as markers only.
        if (values.All(v => v is not null) || name == "scan")
        {
            var polygon = new XElement(
                Svg + "polygon",
                new XAttribute("class", name + "-polygon"),
                new XAttribute("points", Points(values, top)),
                new XAttribute("fill", fill ? colour : "none"),
                new XAttribute("fill-opacity", fill ? "0.2" : "0"),
                new XAttribute("stroke", colour),
                new XAttribute("stroke-width", 2.5));
            if (dashed)
            {
                polygon.Add(new XAttribute("stroke-dasharray", "8 5"));
            }

            group.Add(polygon);
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            var (x, y) = Point(i, values.Count, Radius * value / top);
            group.Add(new XElement(
                Svg + "circle",
                new XAttribute("cx", N(x)),
                new XAttribute("cy", N(y)),
                new XAttribute("r", 3.5),
                new XAttribute("fill", colour),
                new XElement(Svg + "title", $"{label}, {categories[i].Name.In(language)}: {Texts.Number(value, language)}")));
        }

        return group;
    }

    private static XElement Label(int index, int count, string text)
    {
        var angle = Angle(index, count);
        var (x, y) = Point(index, count, LabelDistance);
        var cos = Math.Cos(angle);
        var sin = Math.Sin(angle);
        var anchor = Math.Abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
        var lines = Wrap(text);
        // Labels above the chart grow upwards, those below grow downwards, side labels centre on the axis.
        var firstLineY = sin < -0.5 ? y - ((lines.Count - 1) * 15)
            : sin > 0.5 ? y + 10
            : y + 4 - ((lines.Count - 1) * 7.5);

        var element = new XElement(
            Svg + "text",
            new XAttribute("class", "axis-label"),
            new XAttribute("x", N(x)),
            new XAttribute("y", N(firstLineY)),
            new XAttribute("text-anchor", anchor));
        for (var i = 0; i < lines.Count; i++)
        {
            element.Add(new XElement(
                Svg + "tspan",
                new XAttribute("x", N(x)),
                new XAttribute("dy", i == 0 ? "0" : "15"),
                lines[i]));
        }

        return element;
    }

    /// <summary>Splits a long label once, at the space nearest its middle, so it fits beside the chart.</summary>
    private static List<string> Wrap(string text)
    {
        if (text.Length <= WrapAfter)
        {
            return [text];
        }

        var middle = text.Length / 2;
        var best = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle)))
            {
                best = i;
            }
        }

        // Keep a joining "&" or "/" at the end of the first line: "Leiderschap &" / "Strategie".
        if (best >= 0 && best + 2 < text.Length && text[best + 1] is '&' or '/' && text[best + 2] == ' ')
        {
            best += 2;
        }

        return best < 0 ? [text] : [text[..best], text[(best + 1)..]];
    }

    private static XElement Legend(Texts texts, bool peer, bool targets)
    {
        var entries = new List<(string Class, string Colour, bool Dashed, string Text)> { ("scan", ScanColour, false, texts.Scan) };
        if (peer)
        {
            entries.Add(("peer-median", PeerColour, true, texts.PeerMedian));
        }

        if (targets)
        {
            entries.Add(("target", TargetColour, false, texts.Target));
        }

        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"), new XAttribute("font-size", 13), new XAttribute("fill", "#222222"));
        for (var i = 0; i < entries.Count; i++)
        {
            var y = 520 + (i * 22);
            var line = new XElement(
                Svg + "line",
                new XAttribute("x1", 150),
                new XAttribute("y1", y),
                new XAttribute("x2", 185),
                new XAttribute("y2", y),
                new XAttribute("stroke", entries[i].Colour),
                new XAttribute("stroke-width", 2.5));
            if (entries[i].Dashed)
            {
                line.Add(new XAttribute("stroke-dasharray", "8 5"));
            }

            legend.Add(line);
            legend.Add(new XElement(
                Svg + "text",
                new XAttribute("class", "legend-" + entries[i].Class),
                new XAttribute("x", 195),
                new XAttribute("y", y + 4),
                entries[i].Text));
        }

        return legend;
    }

    private static string Description(MaturityModel model, ScanScore score, Language language, Texts texts, List<double?>? peer, bool drawPeer)
    {
        var parts = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, texts.Intro, model.Categories.Count, model.LowestLevel, model.HighestLevel),
        };
        if (score.Overall is { } overall)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, texts.Overall, Texts.Number(overall, language), score.OverallLevel, model.Level(score.OverallLevel!.Value).Name.In(language)));
        }

        for (var i = 0; i < model.Categories.Count; i++)
        {
            var category = model.Categories[i];
            var categoryScore = score.Category(category.Id);
            var text = category.Name.In(language) + ": "
                + (categoryScore?.Score is { } s ? Texts.Number(s, language) : texts.NoAnswers);
            if (categoryScore?.Target is { } target)
            {
                text += string.Format(CultureInfo.InvariantCulture, texts.TargetPart, target);
            }

            if (peer?[i] is { } median)
            {
                text += string.Format(CultureInfo.InvariantCulture, texts.PeerPart, Texts.Number(median, language));
            }

            parts.Add(text + ".");
        }

        if (peer is not null && !drawPeer)
        {
            parts.Add(texts.PeerIncomplete);
        }

        return string.Join(" ", parts);
    }

    private static double Angle(double index, int count) => (-Math.PI / 2) + (2 * Math.PI * index / count);

    private static (double X, double Y) Point(double index, int count, double radius)
    {
        var angle = Angle(index, count);
        return (CentreX + (radius * Math.Cos(angle)), CentreY + (radius * Math.Sin(angle)));
    }

    /// <summary>Missing values sit in the centre, so the polygon still closes.</summary>
    private static string Points(List<double?> values, int top) =>
        string.Join(" ", values.Select((v, i) =>
        {
            var (x, y) = Point(i, values.Count, Radius * (v ?? 0) / top);
            return N(x) + "," + N(y);
        }));

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Texts(
        string Title,
        string Intro,
        string Overall,
        string NoAnswers,
        string TargetPart,
        string PeerPart,
        string PeerIncomplete,
        string Scan,
        string PeerMedian,
        string Target)
    {
        private static readonly Texts Dutch = new(
            "Datavolwassenheid per categorie",
            "Radardiagram met {0} categorieën op een schaal van {1} tot {2}.",
            "Totaalscore {0}, niveau {1} ({2}).",
            "geen antwoorden",
            ", doel niveau {0}",
            ", mediaan van vergelijkbare organisaties {0}",
            "De mediaan van vergelijkbare organisaties is niet voor elke categorie bekend en is daarom niet getekend.",
            "Deze scan",
            "Mediaan vergelijkbare organisaties",
            "Doel");

        private static readonly Texts English = new(
            "Data maturity per category",
            "Radar chart of {0} categories on a scale from {1} to {2}.",
            "Overall score {0}, level {1} ({2}).",
            "no answers",
            ", target level {0}",
            ", median of comparable organisations {0}",
            "The median of comparable organisations is not known for every category and is therefore not drawn.",
            "This scan",
            "Median of comparable organisations",
            "Target");

        public static Texts For(Language language) => language == Language.English ? English : Dutch;

        public static string Number(double value, Language language)
        {
            var text = value.ToString("0.0", CultureInfo.InvariantCulture);
            return language == Language.English ? text : text.Replace('.', ',');
        }
    }
}
