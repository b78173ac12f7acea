using System.Globalization;
using System.Xml.Linq;

namespace Datawijs.Domain.Maturity;

/// <summary>
/// Draws the tier medians of a benchmark as an SVG dot chart: one row per category on the scale 1–5,
/// a marker per tier (Volgers, Middenmoters, Voorlopers) that differs in shape as well as colour, so the
/// chart reads without colour too. Withheld figures are left out and said so. Built with
/// <see cref="XElement"/>, so every text is escaped; numbers use the invariant culture.
/// </summary>
public static class TierMedianChart
{
    public const int Width = 700;
    private const double Left = 230;
    private const double Right = 660;
    private const double Top = 70;
    private const double RowHeight = 46;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly (PeerTier Tier, string Colour, string Shape)[] Tiers =
    [
        (PeerTier.Followers, "#c05600", "circle"),
        (PeerTier.MiddleGroup, "#6a3d9a", "diamond"),
        (PeerTier.Leaders, "#1f5fa8", "square"),
    ];

    public static int HeightFor(MaturityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (int)(Top + (model.Categories.Count * RowHeight) + 90);
    }

    /// <summary>Renders the chart of <paramref name="benchmark"/>, in the model's category order.</summary>
    public static string Render(MaturityModel model, PeerBenchmark benchmark, Language language = Language.Dutch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(benchmark);
        var dutch = language == Language.Dutch;
        var height = HeightFor(model);
        var title = dutch ? "Mediaan per categorie in elke groep" : "Median per category in each tier";
        var bottom = Top + (model.Categories.Count * RowHeight);

        var root = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "tiers-title tiers-desc"),
            new XAttribute("font-family", "Arial, Helvetica, sans-serif"),
            new XElement(Svg + "title", new XAttribute("id", "tiers-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", "tiers-desc"), Description(model, benchmark, language)),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", height), new XAttribute("fill", "#ffffff")),
            Text(20, 30, title, 18, "start", "#222222", "bold"),
            Text(20, 52, Subtitle(benchmark, language), 12, "start", "#555555"));

        var grid = new XElement(Svg + "g", new XAttribute("aria-hidden", "true"));
        foreach (var level in model.Levels)
        {
            var x = X(level.Number, model);
            grid.Add(
                new XElement(Svg + "line", new XAttribute("x1", N(x)), new XAttribute("x2", N(x)), new XAttribute("y1", N(Top - 6)), new XAttribute("y2", N(bottom)),
                    new XAttribute("stroke", "#d0d0d0"), new XAttribute("stroke-width", 1)),
                Text(x, bottom + 18, level.Number.ToString(CultureInfo.InvariantCulture), 12, "middle", "#555555"));
        }

        grid.Add(Text((Left + Right) / 2, bottom + 36, dutch ? "score (1 – 5)" : "score (1 – 5)", 12, "middle", "#555555"));
        root.Add(grid);

        var rows = new XElement(Svg + "g", new XAttribute("aria-hidden", "true"));
        for (var i = 0; i < model.Categories.Count; i++)
        {
            var category = model.Categories[i];
            var y = Top + (i * RowHeight) + (RowHeight / 2);
            rows.Add(Text(Left - 12, y + 4, category.Name.In(language), 13, "end", "#222222"));
            rows.Add(new XElement(Svg + "line", new XAttribute("x1", N(Left)), new XAttribute("x2", N(Right)), new XAttribute("y1", N(y)), new XAttribute("y2", N(y)),
                new XAttribute("stroke", "#eeeeee"), new XAttribute("stroke-width", 1)));
            var medians = Medians(benchmark, category.Id);
            var shown = Tiers.Where(t => medians.TryGetValue(t.Tier, out _)).ToList();
            if (shown.Count == 0)
            {
                rows.Add(Text(Left + 8, y + 4, dutch ? "niet getoond: te weinig organisaties" : "not shown: too few organisations", 12, "start", "#777777", style: "italic"));
                continue;
            }

            if (shown.Count > 1)
            {
                var xs = shown.Select(t => X(medians[t.Tier], model)).ToList();
                rows.Add(new XElement(Svg + "line", new XAttribute("x1", N(xs.Min())), new XAttribute("x2", N(xs.Max())), new XAttribute("y1", N(y)), new XAttribute("y2", N(y)),
                    new XAttribute("stroke", "#999999"), new XAttribute("stroke-width", 2)));
            }

            foreach (var (tier, colour, shape) in shown)
            {
                rows.Add(Marker(X(medians[tier], model), y, colour, shape));
            }
        }

        root.Add(rows);

        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var legendX = 20.0;
        foreach (var (tier, colour, shape) in Tiers)
        {
            legend.Add(Marker(legendX + 7, height - 22, colour, shape));
            var name = PeerBenchmarks.TierName(tier).In(language);
            legend.Add(Text(legendX + 20, height - 18, name, 13, "start", "#222222"));
            legendX += 40 + (name.Length * 8);
        }

        root.Add(legend);
        return new XDocument(root).ToString(SaveOptions.DisableFormatting);
    }

    private static Dictionary<PeerTier, double> Medians(PeerBenchmark benchmark, string categoryId) =>
        (benchmark.Categories.FirstOrDefault(c => c.CategoryId == categoryId)?.TierMedians ?? [])
            .Where(t => t.Median is not null)
            .ToDictionary(t => t.Tier, t => t.Median!.Value);

    private static string Subtitle(PeerBenchmark benchmark, Language language)
    {
        var dutch = language == Language.Dutch;
        return benchmark.OrganisationCount is { } count
            ? dutch
                ? $"{count} organisaties van andere deelnemers, groep: {benchmark.Group.Name.In(language)}"
                : $"{count} organisations of other tenants, group: {benchmark.Group.Name.In(language)}"
            : dutch ? "Geen cijfers: te weinig organisaties van anderen" : "No figures: too few organisations of others";
    }

    private static string Description(MaturityModel model, PeerBenchmark benchmark, Language language)
    {
        var dutch = language == Language.Dutch;
        var parts = new List<string> { Subtitle(benchmark, language) + "." };
        foreach (var category in model.Categories)
        {
            var medians = Medians(benchmark, category.Id);
            var figures = Tiers.Select(t => PeerBenchmarks.TierName(t.Tier).In(language) + " "
                + (medians.TryGetValue(t.Tier, out var m) ? Number(m, language) : dutch ? "niet getoond" : "not shown"));
            parts.Add(category.Name.In(language) + ": " + string.Join(", ", figures) + ".");
        }

        return string.Join(" ", parts);
    }

    private static XElement Marker(double x, double y, string colour, string shape) => shape switch
    {
        "circle" => new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", 7), new XAttribute("fill", colour)),
        "square" => new XElement(Svg + "rect", new XAttribute("x", N(x - 6.5)), new XAttribute("y", N(y - 6.5)), new XAttribute("width", 13), new XAttribute("height", 13), new XAttribute("fill", colour)),
        _ => new XElement(Svg + "polygon", new XAttribute("points", $"{N(x)},{N(y - 8)} {N(x + 8)},{N(y)} {N(x)},{N(y + 8)} {N(x - 8)},{N(y)}"), new XAttribute("fill", colour)),
    };

    private static XElement Text(double x, double y, string text, int size, string anchor, string colour, string? weight = null, string? style = null)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", size),
            new XAttribute("text-anchor", anchor), new XAttribute("fill", colour), text);
        if (weight is not null)
        {
            element.Add(new XAttribute("font-weight", weight));
        }

        if (style is not null)
        {
            element.Add(new XAttribute("font-style", style));
        }

        return element;
    }

    private static double X(double score, MaturityModel model) =>
        Left + ((score - model.LowestLevel) / (model.HighestLevel - model.LowestLevel) * (Right - Left));

    private static string Number(double value, Language language)
    {
        var text = value.ToString("0.0", CultureInfo.InvariantCulture);
        return language == Language.Dutch ? text.Replace('.', ',') : text;
    }

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
