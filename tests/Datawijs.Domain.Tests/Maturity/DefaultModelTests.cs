using Datawijs.Domain.Maturity;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class DefaultModelTests
{
    private static readonly string[] CategoryIds =
        ["leadership-strategy", "culture", "data-security-legal", "data-quality", "processes", "data-literacy", "technology"];

    public static TheoryData<string> ModelIds => new(
        DefaultMaturityModels.FullV1Id, DefaultMaturityModels.QuickV1Id, DefaultMaturityModels.FullV2Id, DefaultMaturityModels.QuickV2Id);

    [Fact]
    public void Both_variants_of_both_versions_ship_with_stable_ids()
    {
        Assert.Equal(["dmm-full-v1", "dmm-quick-v1", "dmm-full-v2", "dmm-quick-v2"], DefaultMaturityModels.All.Select(m => m.Id));
        Assert.Equal(ModelVariant.Full, DefaultMaturityModels.FullV1.Variant);
        Assert.Equal(ModelVariant.Quick, DefaultMaturityModels.QuickV1.Variant);
        Assert.Equal(ModelVariant.Full, DefaultMaturityModels.FullV2.Variant);
        Assert.Equal(ModelVariant.Quick, DefaultMaturityModels.QuickV2.Variant);
        Assert.Equal([1, 1, 2, 2], DefaultMaturityModels.All.Select(m => m.Version));
    }

    [Fact]
    public void Version_two_asks_the_same_questions_as_version_one()
    {
        Assert.Equal(
            DefaultMaturityModels.FullV1.AllQuestions().Select(x => x.Question.Id),
            DefaultMaturityModels.FullV2.AllQuestions().Select(x => x.Question.Id));
        Assert.Equal(
            DefaultMaturityModels.FullV1.Categories.Select(c => c.Weight),
            DefaultMaturityModels.FullV2.Categories.Select(c => c.Weight));
    }

    [Theory]
    [InlineData(4.49, 4)]
    [InlineData(4.5, 5)]
    [InlineData(3.5, 4)]
    [InlineData(2.4999, 2)]
    [InlineData(2.5, 3)]
    [InlineData(1.49, 1)]
    [InlineData(1.5, 2)]
    [InlineData(1.0, 1)]
    [InlineData(5.0, 5)]
    public void Version_two_puts_each_level_in_a_band_around_its_answer_so_the_top_is_reachable_below_five(double score, int level)
    {
        Assert.Equal(level, DefaultMaturityModels.FullV2.LevelFor(score));
        Assert.Equal(level, DefaultMaturityModels.QuickV2.LevelFor(score));
    }

    [Fact]
    public void Version_one_keeps_its_whole_number_thresholds_so_its_stored_levels_stay_true()
    {
        Assert.Equal(4, DefaultMaturityModels.FullV1.LevelFor(4.9));
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], DefaultMaturityModels.FullV1.Levels.Select(l => l.Threshold));
        Assert.Equal([1.0, 1.5, 2.5, 3.5, 4.5], DefaultMaturityModels.FullV2.Levels.Select(l => l.Threshold));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_piece_of_advice_says_how_much_effort_it_takes(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        var efforts = model.Categories.SelectMany(c => c.Advice).Select(a => a.Effort).ToList();
        Assert.All(efforts, e => Assert.True(Enum.IsDefined(e)));
        // The model says something: not every step is the same amount of work.
        Assert.Equal(3, efforts.Distinct().Count());
    }

    [Theory]
    [InlineData("data steward")]
    [InlineData("Houd dit vast")]
    [InlineData("(Common Ground)")]
    [InlineData("BI-dashboards")]
    [InlineData("BI dashboards")]
    [InlineData("het MT ")]
    public void Version_two_texts_have_no_unexplained_jargon(string jargon)
    {
        Assert.All(ModelTexts(DefaultMaturityModels.FullV2), t =>
        {
            Assert.DoesNotContain(jargon, t.Nl, StringComparison.Ordinal);
            Assert.DoesNotContain(jargon, t.En, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("DPIA", "toets op de risico's voor de privacy", "check of the risks to privacy")]
    [InlineData("IAMA", "gevolgen voor mensenrechten", "effect on human rights")]
    [InlineData("Common Ground", "open standaarden", "open standards")]
    public void Version_two_explains_a_term_in_the_first_text_that_uses_it(string term, string nl, string en)
    {
        // Texts are read in model order: a category's advice, then its questions with their answers.
        var first = ModelTexts(DefaultMaturityModels.FullV2).First(t => t.Nl.Contains(term, StringComparison.Ordinal));
        Assert.Contains(nl, first.Nl, StringComparison.Ordinal);
        Assert.Contains(en, first.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_two_sentences_have_at_most_twenty_words()
    {
        var sentences = ModelTexts(DefaultMaturityModels.FullV2)
            .SelectMany(t => new[] { t.Nl, t.En })
            .SelectMany(t => System.Text.RegularExpressions.Regex.Split(t, @"(?<=[.?!:])\s+"));
        Assert.All(sentences, s => Assert.True(s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 20, s));
    }

    private static IEnumerable<LocalizedText> ModelTexts(MaturityModel model) =>
        model.Categories.SelectMany(c => c.Advice.Select(a => a.Text)
            .Concat(c.Questions.SelectMany(q => q.LevelDescriptors.Prepend(q.Text))));

    [Fact]
    public void A_document_whose_advice_lacks_an_effort_is_rejected()
    {
        var json = new StreamReader(typeof(DefaultMaturityModels).Assembly
            .GetManifestResourceStream("Datawijs.Domain.Maturity.default-model-v2.json")!).ReadToEnd();
        var broken = json.Replace("\"effort\": \"small\"", "\"effort\": \"tiny\"", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => MaturityModelDocument.Parse(broken));
        Assert.Contains("small, medium or large", error.Message, StringComparison.Ordinal);
        var missing = json.Replace(", \"effort\": \"large\"", "", StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => MaturityModelDocument.Parse(missing));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_model_has_the_seven_maturity_categories_in_order(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        Assert.Equal(CategoryIds, model.Categories.Select(c => c.Id));
        Assert.Equal(
            ["Leiderschap & Strategie", "Cultuur", "Databeveiliging / juridisch", "Datakwaliteit", "Processen", "Datakennis", "Technologie"],
            model.Categories.Select(c => c.Name.Nl));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_model_has_five_levels_starting_at_one(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        Assert.Equal([1, 2, 3, 4, 5], model.Levels.Select(l => l.Number));
        Assert.Equal(1.0, model.Levels[0].Threshold);
        Assert.Equal(["Initieel", "Gecontroleerd", "Gestandaardiseerd", "Geoptimaliseerd", "Innovatief"], model.Levels.Select(l => l.Name.Nl));
        Assert.Equal(["Initial", "Controlled", "Standardised", "Optimised", "Innovative"], model.Levels.Select(l => l.Name.En));
    }

    [Fact]
    public void The_full_model_asks_at_least_four_questions_per_category()
    {
        Assert.All(DefaultMaturityModels.FullV1.Categories, c => Assert.True(c.Questions.Count >= 4, c.Id));
    }

    [Fact]
    public void The_quick_model_asks_one_question_per_category_that_the_full_model_also_asks()
    {
        var fullQuestions = DefaultMaturityModels.FullV1.AllQuestions().Select(x => x.Question).ToDictionary(q => q.Id);
        Assert.All(DefaultMaturityModels.QuickV1.Categories, c =>
        {
            var question = Assert.Single(c.Questions);
            Assert.Equal(fullQuestions[question.Id].Text, question.Text);
        });
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_question_has_a_positive_weight_and_five_level_descriptors(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        Assert.All(model.AllQuestions(), x =>
        {
            Assert.True(x.Question.Weight > 0);
            Assert.Equal(5, x.Question.LevelDescriptors.Count);
            Assert.Equal(5, x.Question.LevelDescriptors.Distinct().Count());
        });
        Assert.All(model.Categories, c => Assert.True(c.Weight > 0));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_category_has_advice_for_each_level(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        Assert.All(model.Categories, c => Assert.Equal([1, 2, 3, 4, 5], c.Advice.Select(a => a.Level)));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void All_texts_exist_in_Dutch_and_English(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        var texts = new List<LocalizedText> { model.Name, model.Description };
        texts.AddRange(model.Levels.SelectMany(l => new[] { l.Name, l.Description }));
        texts.AddRange(model.Categories.Select(c => c.Name));
        texts.AddRange(model.Categories.SelectMany(c => c.Advice.Select(a => a.Text)));
        texts.AddRange(model.AllQuestions().SelectMany(x => x.Question.LevelDescriptors.Prepend(x.Question.Text)));

        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Nl));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
        });
        // A forgotten translation usually shows up as the same text twice.
        Assert.All(texts.Where(t => t.Nl.Length > 12), t => Assert.NotEqual(t.Nl, t.En));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void All_ids_are_unique_and_kebab_case(string modelId)
    {
        var model = DefaultMaturityModels.Find(modelId)!;
        var ids = model.Categories.Select(c => c.Id)
            .Concat(model.AllQuestions().Select(x => x.Question.Id))
            .Concat(model.Categories.SelectMany(c => c.Advice.Select(a => a.Id)))
            .Concat(model.Levels.Select(l => l.Id))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Theory]
    [InlineData("culture", 1, "pilot", "pilot")]
    [InlineData("data-quality", 1, "één persoon of groep verantwoordelijk", "one person or group responsible")]
    [InlineData("data-literacy", 1, "juiste vragen", "right questions")]
    [InlineData("leadership-strategy", 1, "datastrategie", "data strategy")]
    public void The_four_pieces_of_first_level_advice_are_in_the_model(string categoryId, int level, string nl, string en)
    {
        foreach (var model in new[] { DefaultMaturityModels.FullV1, DefaultMaturityModels.FullV2 })
        {
            var advice = model.FindCategory(categoryId)!.AdviceAt(level).Text;
            Assert.Contains(nl, advice.Nl, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(en, advice.En, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Loading_twice_gives_the_same_model()
    {
        Assert.Same(DefaultMaturityModels.FullV1, DefaultMaturityModels.Find("dmm-full-v1"));
        Assert.Null(DefaultMaturityModels.Find("dmm-full-v3"));
    }

    [Fact]
    public void A_document_with_a_missing_translation_is_rejected()
    {
        const string json = """
            { "version": 1,
              "models": [{ "id": "m", "variant": "full", "name": { "nl": "M", "en": "M" }, "description": { "nl": "d", "en": "d" } }],
              "levels": [{ "level": 1, "id": "one", "threshold": 1, "name": { "nl": "Een" }, "description": { "nl": "d", "en": "d" } }],
              "categories": [] }
            """;
        var error = Assert.Throws<InvalidDataException>(() => MaturityModelDocument.Parse(json));
        Assert.Contains("English", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_models_lists_cannot_be_changed_by_a_caller()
    {
        var categories = DefaultMaturityModels.FullV1.Categories;
        Assert.False(categories is MaturityCategory[]);
        Assert.Throws<NotSupportedException>(() => ((IList<MaturityCategory>)categories).Add(categories[0]));
    }
}
