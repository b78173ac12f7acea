using System.Globalization;
using System.Xml.Linq;
using Datawijs.Domain.Maturity;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class RadarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly MaturityModel Model = DefaultMaturityModels.QuickV1;

    private static ScanScore ScanScore(Dictionary<string, int>? targets = null) =>
        MaturityScorer.Score(
            Model,
            [
                new RespondentAnswers("r1", Model.AllQuestions().Select((x, i) => (x.Question.Id, Answer: (int?)(1 + (i % 5)))).ToDictionary(x => x.Id, x => x.Answer)),
                new RespondentAnswers("r2", Model.AllQuestions().ToDictionary(x => x.Question.Id, _ => (int?)3)),
            ],
            new ScoringOptions { Targets = targets ?? [] });

    private static Dictionary<string, double> Medians() => Model.Categories.ToDictionary(c => c.Id, _ => 3.2);

    private static XElement Render(ScanScore score, Language language = Language.Dutch, IReadOnlyDictionary<string, double>? medians = null) =>
        XDocument.Parse(RadarChart.Render(Model, score, language, medians)).Root!;

    private static IEnumerable<XElement> WithClass(XElement root, string cssClass) =>
        root.Descendants().Where(e => (string?)e.Attribute("class") == cssClass);

    [Fact]
    public void The_chart_is_well_formed_svg_of_600_pixels()
    {
        var root = Render(ScanScore());
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 600 600", (string?)root.Attribute("viewBox"));
        Assert.Equal("600", (string?)root.Attribute("width"));
    }

    [Fact]
    public void The_chart_names_all_seven_categories_in_the_chosen_language()
    {
        var dutch = WithClass(Render(ScanScore()), "axis-label").Select(e => string.Join(" ", e.Elements(Svg + "tspan").Select(t => t.Value))).ToList();
        var english = WithClass(Render(ScanScore(), Language.English), "axis-label").Select(e => string.Join(" ", e.Elements(Svg + "tspan").Select(t => t.Value))).ToList();
        Assert.Equal(Model.Categories.Select(c => c.Name.Nl), dutch);
        Assert.Equal(Model.Categories.Select(c => c.Name.En), english);
        Assert.Equal(7, dutch.Count);
    }

    [Fact]
    public void Screen_readers_get_a_title_and_a_description_with_every_score()
    {
        var root = Render(ScanScore(), Language.English);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("radar-title radar-desc", (string?)root.Attribute("aria-labelledby"));
        var title = root.Element(Svg + "title")!;
        var desc = root.Element(Svg + "desc")!;
        Assert.Equal("radar-title", (string?)title.Attribute("id"));
        Assert.Equal("radar-desc", (string?)desc.Attribute("id"));
        Assert.Equal("Data maturity per category", title.Value);
        Assert.All(Model.Categories, c => Assert.Contains(c.Name.En + ": ", desc.Value, StringComparison.Ordinal));
        Assert.Contains("Overall score", desc.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_has_a_ring_for_each_of_the_five_levels()
    {
        Assert.Equal(5, WithClass(Render(ScanScore()), "ring").Count());
    }

    [Fact]
    public void The_scan_polygon_places_each_score_on_its_axis()
    {
        var score = ScanScore();
        var points = (string)WithClass(Render(score), "scan-polygon").Single().Attribute("points")!;
        var first = points.Split(' ')[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // The first axis points straight up from the centre (300, 265); level 5 lies at radius 170.
        var expectedY = 265 - (170 * score.Categories[0].Score!.Value / 5);
        Assert.Equal(300, first[0], 2);
        Assert.Equal(expectedY, first[1], 2);
        Assert.Equal(7, points.Split(' ').Length);
    }

    [Fact]
    public void The_peer_median_is_drawn_dashed_only_when_it_is_known()
    {
        Assert.Empty(WithClass(Render(ScanScore()), "peer-median-polygon"));
        Assert.Empty(WithClass(Render(ScanScore()), "legend-peer-median"));

        var root = Render(ScanScore(), medians: Medians());
        var peer = WithClass(root, "peer-median-polygon").Single();
        Assert.NotNull(peer.Attribute("stroke-dasharray"));
        Assert.Single(WithClass(root, "legend-peer-median"));
    }

    [Fact]
    public void A_partly_withheld_peer_median_is_not_drawn_but_explained()
    {
        var medians = Medians();
        medians.Remove("culture");
        var root = Render(ScanScore(), medians: medians);
        Assert.Empty(WithClass(root, "peer-median-polygon"));
        Assert.Contains("niet getekend", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_are_drawn_when_they_exist()
    {
        Assert.Empty(WithClass(Render(ScanScore()), "target"));

        var all = Model.Categories.ToDictionary(c => c.Id, _ => 4);
        var root = Render(ScanScore(all));
        Assert.Single(WithClass(root, "target-polygon"));
        Assert.Single(WithClass(root, "legend-target"));
        Assert.Contains("doel niveau 4", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);

        var partial = Render(ScanScore(new Dictionary<string, int> { ["culture"] = 4 }));
        Assert.Empty(WithClass(partial, "target-polygon"));
        Assert.Single(WithClass(partial, "target").Single().Elements(Svg + "circle"));
    }

    [Fact]
    public void Text_is_escaped_for_xml()
    {
        var model = TwoCategories with { Categories = [Category("a", 1, Question("a1")) with { Name = new("<script>&\"x\"</script>", "A & B") }] };
        var score = MaturityScorer.Score(model, [Respondent("r1", ("a1", 3))]);
        var svg = RadarChart.Render(model, score);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var label = XDocument.Parse(svg).Descendants(Svg + "text").Single(e => (string?)e.Attribute("class") == "axis-label");
        Assert.Equal("<script>&\"x\"</script>", label.Value);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = commaCulture;
            var root = Render(ScanScore(), medians: Medians());
            var coordinates = root.Descendants(Svg + "circle").SelectMany(c => new[] { (string)c.Attribute("cx")!, (string)c.Attribute("cy")! }).ToList();
            Assert.NotEmpty(coordinates);
            Assert.All(coordinates, v => Assert.DoesNotContain(",", v, StringComparison.Ordinal));
            Assert.Contains(coordinates, v => v.Contains('.', StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void A_category_without_answers_is_drawn_at_the_centre_and_named_in_the_description()
    {
        var answers = Model.AllQuestions().ToDictionary(x => x.Question.Id, x => x.Category.Id == "culture" ? null : (int?)3);
        var score = MaturityScorer.Score(Model, [new RespondentAnswers("r1", answers)]);
        var root = Render(score);
        var second = ((string)WithClass(root, "scan-polygon").Single().Attribute("points")!).Split(' ')[1];
        Assert.Equal("300,265", second);
        Assert.Contains("Cultuur: geen antwoorden", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }
}
