using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;

namespace Datawijs.Domain.Tests.Explanations;

public sealed class FeaturePhrasesTests
{
    private static readonly LocalizedText YouthCare = new("jeugdzorg", "youth care");

    private static ProfileSpace Space(IReadOnlyDictionary<string, FeatureLabel>? labels = null, params FeatureDefinition[] extra)
    {
        var features = FoodBankFeatures().Concat(extra).ToList();
        var profiles = new[] { FoodBankProfile(1, 16_000, 35, 1, 10, "social_assistance", "rent", "single_parent"), FoodBankProfile(2, 30_000, 60, 0, 40, "none", "owner", "couple") }
            .Select(p => p with { Centroid = extra.Aggregate(new Dictionary<string, FeatureValue>(p.Centroid), (c, f) => { c[f.Name] = f.Type == FeatureType.Numeric ? N(f.Min ?? 0) : C(f.Values![0]); return c; }) })
            .ToList();
        return ProfileSpace.Create(features, Scales.Concat(extra.Where(f => f.Type == FeatureType.Numeric).Select(f => KeyValuePair.Create(f.Name, new NumericScale(10, 5)))).ToDictionary(), 0.5, profiles, labels);
    }

    private static FeatureDefinition YesNo(string name, string yes = "yes", string no = "no") =>
        new(name, FeatureType.Categorical, FeatureRole.Clustering, true, [no, yes]);

    [Fact]
    public void A_yes_no_feature_reads_as_having_it_or_not_never_as_ja_or_nee()
    {
        var space = Space(new Dictionary<string, FeatureLabel> { ["youthCare"] = new(YouthCare, new Dictionary<string, LocalizedText> { ["yes"] = new("ja", "yes"), ["no"] = new("nee", "no") }) }, YesNo("youthCare"));

        Assert.Equal("U heeft jeugdzorg.", FeaturePhrases.Statement(space, "youthCare", C("yes"), Language.Dutch));
        Assert.Equal("U heeft geen jeugdzorg.", FeaturePhrases.Statement(space, "youthCare", C("no"), Language.Dutch));
        Assert.Equal("You have youth care.", FeaturePhrases.Statement(space, "youthCare", C("yes"), Language.English));
        Assert.Equal("You do not have youth care.", FeaturePhrases.Statement(space, "youthCare", C("no"), Language.English));
        Assert.Equal("u geen jeugdzorg had gehad", FeaturePhrases.Condition(space, "youthCare", C("no"), Language.Dutch));
        Assert.Equal("you had had youth care", FeaturePhrases.Condition(space, "youthCare", C("yes"), Language.English));
    }

    [Theory]
    [InlineData("ja", "nee")]
    [InlineData("True", "False")]
    public void Other_spellings_of_yes_and_no_are_recognised(string yes, string no)
    {
        var feature = YesNo("wmo", yes, no);
        Assert.True(FeaturePhrases.YesNo(feature, yes));
        Assert.False(FeaturePhrases.YesNo(feature, no));
        Assert.Null(FeaturePhrases.YesNo(new FeatureDefinition("x", FeatureType.Categorical, FeatureRole.Clustering, true, [yes, no, "maybe"]), yes));
    }

    [Fact]
    public void Declared_phrases_win_over_the_defaults()
    {
        var phrases = new Dictionary<string, ValuePhrase>
        {
            ["yes"] = new(new("U krijgt jeugdzorg.", "You receive youth care."), new("u jeugdzorg had gekregen", "you had received youth care")),
            ["no"] = new(new("U krijgt geen jeugdzorg.", "You do not receive youth care."), new("u geen jeugdzorg had gekregen", "you had not received youth care")),
        };
        var space = Space(new Dictionary<string, FeatureLabel> { ["youthCare"] = new(YouthCare, Phrases: phrases) }, YesNo("youthCare"));

        Assert.Equal("U krijgt geen jeugdzorg.", FeaturePhrases.Statement(space, "youthCare", C("no"), Language.Dutch));
        Assert.Equal("u jeugdzorg had gekregen", FeaturePhrases.Condition(space, "youthCare", C("yes"), Language.Dutch));
        Assert.Equal("you had not received youth care", FeaturePhrases.Condition(space, "youthCare", C("no"), Language.English));
    }

    [Fact]
    public void Phrases_declared_with_the_feature_are_used_when_the_space_has_no_labels()
    {
        var feature = YesNo("youthCare") with
        {
            Label = YouthCare,
            Phrases = new Dictionary<string, ValuePhrase> { ["yes"] = new(new("U krijgt jeugdzorg.", "You receive youth care."), new("u jeugdzorg had gekregen", "you had received youth care")) },
        };
        var space = Space(null, feature);

        Assert.Equal("U krijgt jeugdzorg.", FeaturePhrases.Statement(space, "youthCare", C("yes"), Language.Dutch));
        Assert.Equal("U heeft geen jeugdzorg.", FeaturePhrases.Statement(space, "youthCare", C("no"), Language.Dutch));
    }

    [Fact]
    public void A_category_reads_with_its_label_and_article()
    {
        var space = Space(new Dictionary<string, FeatureLabel>
        {
            ["housing"] = new(new("woning", "home"), new Dictionary<string, LocalizedText> { ["rent"] = new("een huurhuis", "a rented home"), ["owner"] = new("een eigen huis", "a home you own") }),
        });

        Assert.Equal("Uw woning is een huurhuis.", FeaturePhrases.Statement(space, "housing", C("rent"), Language.Dutch));
        Assert.Equal("uw woning een eigen huis was geweest", FeaturePhrases.Condition(space, "housing", C("owner"), Language.Dutch));
        Assert.Equal("your home had been a home you own", FeaturePhrases.Condition(space, "housing", C("owner"), Language.English));
    }

    [Theory]
    [InlineData(14_520, "euro", "€ 14.520", "€14,520")]
    [InlineData(14_520.5, "euro", "€ 14.520,50", "€14,520.50")]
    [InlineData(1_250_000, "euro", "€ 1.250.000", "€1,250,000")]
    [InlineData(35, "years", "35 jaar", "35 years")]
    [InlineData(1, "years", "1 jaar", "1 year")]
    [InlineData(1, "months", "1 maand", "1 month")]
    [InlineData(6, "months", "6 maanden", "6 months")]
    [InlineData(2.5, null, "2,5", "2.5")]
    [InlineData(12_345, null, "12.345", "12,345")]
    public void Numbers_are_written_in_the_language_with_their_unit(double value, string? unit, string nl, string en)
    {
        Assert.Equal(nl, FeaturePhrases.Number(value, unit, Language.Dutch));
        Assert.Equal(en, FeaturePhrases.Number(value, unit, Language.English));
    }

    [Fact]
    public void An_amount_reads_in_euros_in_sentences()
    {
        var space = Space(new Dictionary<string, FeatureLabel> { ["income"] = new(new("inkomen per jaar", "income per year"), Unit: FeatureUnits.Euro) });

        Assert.Equal("Uw inkomen per jaar is € 16.500.", FeaturePhrases.Statement(space, "income", N(16_500), Language.Dutch));
        Assert.Equal("uw inkomen per jaar € 18.000 was geweest", FeaturePhrases.Condition(space, "income", N(18_000), Language.Dutch));
        Assert.Equal("Your income per year is €16,500.", FeaturePhrases.Statement(space, "income", N(16_500), Language.English));
    }

    [Fact]
    public void A_counterfactual_on_a_yes_no_feature_is_one_correct_conditional_sentence()
    {
        var phrases = new Dictionary<string, ValuePhrase>
        {
            ["yes"] = new(new("U krijgt jeugdzorg.", "You receive youth care."), new("u jeugdzorg had gekregen", "you had received youth care")),
            ["no"] = new(new("U krijgt geen jeugdzorg.", "You do not receive youth care."), new("u geen jeugdzorg had gekregen", "you had not received youth care")),
        };
        var space = Space(new Dictionary<string, FeatureLabel> { ["youthCare"] = new(YouthCare, Phrases: phrases) }, YesNo("youthCare"));
        var subject = Subject();
        subject["youthCare"] = C("yes");
        var explanation = Explainer.Explain(space, subject).Explanation! with
        {
            Counterfactuals = [new Counterfactual(Id(2), [new FeatureChange("youthCare", C("yes"), C("no"))], 1, 0.2, 0.1)],
        };

        Assert.Equal(
            "U krijgt jeugdzorg. Als u geen jeugdzorg had gekregen, dan had u het advies \u2018Profiel 2\u2019 gekregen.",
            ExplanationText.Render(space, explanation).Alternative);
        Assert.Equal(
            "You receive youth care. If you had not received youth care, the advice would have been \u2018Profile 2\u2019.",
            ExplanationText.Render(space, explanation, Language.English).Alternative);
    }

    [Fact]
    public void The_right_to_object_is_true_whatever_the_state_of_an_earlier_objection()
    {
        var space = Space();
        var explanation = Explainer.Explain(space, Subject()).Explanation!;

        // Said after an objection was rejected too: the advice is set aside only while a new objection is looked at.
        var nl = ExplanationText.Render(space, explanation).RightToObject;
        var en = ExplanationText.Render(space, explanation, Language.English).RightToObject;

        Assert.DoesNotContain("Dan gebruiken wij het advies niet", nl, StringComparison.Ordinal);
        Assert.Contains("Zolang dat duurt, gebruiken wij het advies niet.", nl, StringComparison.Ordinal);
        Assert.DoesNotContain("Then we stop using the advice", en, StringComparison.Ordinal);
        Assert.Contains("Until they have, we do not use the advice.", en, StringComparison.Ordinal);
    }
}
