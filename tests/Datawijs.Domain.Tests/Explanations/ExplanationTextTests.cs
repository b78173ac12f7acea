using System.Text.RegularExpressions;
using Datawijs.Domain.Explanations;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;

namespace Datawijs.Domain.Tests.Explanations;

public sealed partial class ExplanationTextTests
{
    private static readonly Dictionary<string, FeatureLabel> Labels = new()
    {
        ["income"] = new FeatureLabel(new LocalizedText("inkomen", "income")),
        ["benefit"] = new FeatureLabel(new LocalizedText("uitkering", "benefit")),
        ["housing"] = new FeatureLabel(
            new LocalizedText("woning", "home"),
            new Dictionary<string, LocalizedText>
            {
                ["rent"] = new LocalizedText("een huurhuis", "a rented home"),
                ["owner"] = new LocalizedText("een koophuis", "a home you own"),
            }),
    };

    private static ProfileSpace Space(double gamma = 0.5) => ProfileSpace.Create(
        FoodBankFeatures(),
        Scales,
        gamma,
        [
            FoodBankProfile(1, 16_000, 35, 1, 10, "social_assistance", "rent", "single_parent") with
            {
                Name = new LocalizedText("Alleenstaande ouder met bijstand", "Single parent on social assistance"),
                Description = new LocalizedText("Vaak een huurhuis en weinig werkuren.", "Often a rented home and few working hours."),
            },
            FoodBankProfile(2, 20_000, 35, 1, 10, "social_assistance", "rent", "single_parent") with
            {
                Name = new LocalizedText("Werkende ouder", "Working parent"),
            },
            FoodBankProfile(3, 30_000, 60, 0, 40, "none", "owner", "couple"),
        ],
        Labels);

    private static (ProfileSpace Space, Explanation Explanation) Explained(double income = 16_500)
    {
        var space = Space();
        return (space, Explainer.Explain(space, Subject(income: income)).Explanation!);
    }

    [GeneratedRegex(@"\S.*?[.?!](?=\s|$)", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    [Theory]
    [InlineData(Language.Dutch)]
    [InlineData(Language.English)]
    public void Every_part_of_the_text_is_present_in_both_languages(Language language)
    {
        var (space, explanation) = Explained();

        var text = ExplanationText.Render(space, explanation, language);

        Assert.All(
            new[] { text.Advice, text.Reasons, text.DataUsed, text.Certainty, text.Alternative, text.WhoDecides, text.RightToObject },
            part => Assert.False(string.IsNullOrWhiteSpace(part)));
        Assert.Contains(text.RightToObject, text.Full, StringComparison.Ordinal);
    }

    [Fact]
    public void Dutch_text_says_it_is_advice_that_a_person_decides_and_may_deviate_and_how_to_object()
    {
        var (space, explanation) = Explained();

        var text = ExplanationText.Render(space, explanation);

        Assert.Contains("Het advies is het profiel \u2018Alleenstaande ouder met bijstand\u2019.", text.Advice, StringComparison.Ordinal);
        Assert.Contains("Vaak een huurhuis", text.Advice, StringComparison.Ordinal);
        Assert.Contains("Het is geen besluit.", text.Advice, StringComparison.Ordinal);
        Assert.Contains("Een medewerker beslist", text.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("mag anders besluiten", text.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("Dit ben ik niet", text.RightToObject, StringComparison.Ordinal);
        Assert.Contains("Ik wil dit niet", text.RightToObject, StringComparison.Ordinal);
        Assert.DoesNotContain("Dit ben ik niet", text.WhoDecides, StringComparison.Ordinal);
    }

    [Fact]
    public void English_text_says_it_is_advice_that_a_person_decides_and_may_deviate_and_how_to_object()
    {
        var (space, explanation) = Explained();

        var text = ExplanationText.Render(space, explanation, Language.English);

        Assert.Contains("The advice is the profile \u2018Single parent on social assistance\u2019.", text.Advice, StringComparison.Ordinal);
        Assert.Contains("It is not a decision.", text.Advice, StringComparison.Ordinal);
        Assert.Contains("A person decides", text.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("may decide differently", text.WhoDecides, StringComparison.Ordinal);
        Assert.Contains("This is not me", text.RightToObject, StringComparison.Ordinal);
        Assert.Contains("I don't want this", text.RightToObject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Dutch)]
    [InlineData(Language.English)]
    public void Sentences_are_short(Language language)
    {
        foreach (var income in new[] { 16_500.0, 17_900, 21_000, 45_000 })
        {
            var (space, explanation) = Explained(income);
            var full = ExplanationText.Render(space, explanation, language).Full;

            var sentences = Sentence().Matches(full).Select(m => m.Value.Trim()).ToList();
            var words = sentences.Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();

            Assert.True(sentences.Count >= 8);
            Assert.All(sentences.Zip(words), s => Assert.True(s.Second is >= 1 and <= 20, s.First));
            Assert.True(words.Average() <= 10, $"average {words.Average()} words per sentence");
        }
    }

    // A cluster mean such as 3010/101 shown in full gives away the exact cluster size the published counts round.
    [Fact]
    public void A_profiles_numeric_centre_is_shown_rounded_as_published_medians_are()
    {
        var space = ProfileSpace.Create(
            FoodBankFeatures(),
            Scales,
            0.5,
            [
                FoodBankProfile(1, 14_958.69, 35, 1, 10, "social_assistance", "rent", "single_parent"),
                FoodBankProfile(3, 30_000, 60, 0, 40, "none", "owner", "couple"),
            ],
            Labels);
        var explanation = Explainer.Explain(space, Subject(income: 14_500)).Explanation!;

        Assert.Contains("Bij dit profiel is dat ongeveer 15.000.", ExplanationText.Render(space, explanation).Reasons, StringComparison.Ordinal);
        Assert.Contains("In this profile it is about 15,000.", ExplanationText.Render(space, explanation, Language.English).Reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("958", ExplanationText.Render(space, explanation).Full, StringComparison.Ordinal);
        Assert.Equal(30, Datawijs.Domain.Disclosure.PublishedFigures.Centre("age", 29.801980198019805));
    }

    [Fact]
    public void Dutch_text_names_the_weightiest_feature_with_its_label_and_dutch_numbers()
    {
        var (space, explanation) = Explained();

        var text = ExplanationText.Render(space, explanation);

        Assert.Contains("Uw inkomen is 16.500. Bij dit profiel is dat ongeveer 16.000.", text.Reasons, StringComparison.Ordinal);
        Assert.Contains("Dat ligt dicht bij elkaar.", text.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_names_categories_by_their_label()
    {
        var (space, explanation) = Explained();
        var switchHousing = explanation with
        {
            Counterfactuals = [new Counterfactual(Id(2), [new FeatureChange("housing", C("rent"), C("owner"))], 0.5, 0.2, 0.1)],
        };

        var nl = ExplanationText.Render(space, switchHousing).Alternative;
        var en = ExplanationText.Render(space, switchHousing, Language.English).Alternative;

        Assert.Equal("Uw woning is een huurhuis. Als uw woning een koophuis was geweest, dan had u het advies \u2018Werkende ouder\u2019 gekregen.", nl);
        Assert.Equal("Your home is a rented home. If your home had been a home you own, the advice would have been \u2018Working parent\u2019.", en);
    }

    [Fact]
    public void Text_describes_the_counterfactual_in_words()
    {
        var (space, explanation) = Explained();

        var nl = ExplanationText.Render(space, explanation).Alternative;
        var en = ExplanationText.Render(space, explanation, Language.English).Alternative;

        Assert.Equal("Uw inkomen is 16.500. Als uw inkomen 18.100 was geweest, dan had u het advies \u2018Werkende ouder\u2019 gekregen.", nl);
        Assert.Equal("Your income is 16,500. If your income had been 18,100, the advice would have been \u2018Working parent\u2019.", en);
    }

    [Fact]
    public void Text_describes_a_counterfactual_with_several_changes_one_sentence_each()
    {
        var (space, explanation) = Explained();
        var two = explanation with
        {
            Counterfactuals =
            [
                new Counterfactual(
                    Id(2),
                    [new FeatureChange("income", N(16_500), N(19_000)), new FeatureChange("housing", C("rent"), C("owner"))],
                    1,
                    0.2,
                    0.1),
            ],
        };

        var nl = ExplanationText.Render(space, two).Alternative;

        Assert.Equal(
            "Uw inkomen is 16.500. Uw woning is een huurhuis. Stel dat uw inkomen 19.000 was geweest. "
            + "Stel ook dat uw woning een koophuis was geweest. Dan had u het advies \u2018Werkende ouder\u2019 gekregen.",
            nl);
    }

    [Fact]
    public void Text_lists_the_data_used_and_says_nothing_else_was_used()
    {
        var (space, explanation) = Explained();

        var nl = ExplanationText.Render(space, explanation).DataUsed;

        Assert.StartsWith(
            "Wij keken alleen naar deze dingen van u. Inkomen, age, children, work_hours, uitkering, woning en household.",
            nl,
            StringComparison.Ordinal);

        Assert.DoesNotContain("migration", nl, StringComparison.Ordinal);
        Assert.DoesNotContain("education", nl, StringComparison.Ordinal);
        Assert.EndsWith("Naar iets anders keken wij niet.", nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_says_when_the_advice_is_uncertain_and_when_it_is_clear()
    {
        var (space, clear) = Explained(16_000);
        var (_, close) = Explained(17_900);
        Assert.False(clear.Uncertain);
        Assert.True(close.Uncertain);

        Assert.Contains("Het verschil is duidelijk.", ExplanationText.Render(space, clear).Certainty, StringComparison.Ordinal);
        Assert.Contains("Het advies is daarom onzeker.", ExplanationText.Render(space, close).Certainty, StringComparison.Ordinal);
        Assert.Contains("the advice is uncertain", ExplanationText.Render(space, close, Language.English).Certainty, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_says_so_when_no_small_change_gives_another_profile()
    {
        var (space, explanation) = Explained();
        var without = explanation with { Counterfactuals = [] };

        var text = ExplanationText.Render(space, without);

        Assert.StartsWith("Een kleine verandering in uw gegevens geeft geen ander profiel.", text.Alternative, StringComparison.Ordinal);
    }

    [Fact]
    public void Features_without_a_label_fall_back_to_their_name()
    {
        var space = Space();

        Assert.Equal("inkomen", space.LabelOf("income", Language.Dutch));
        Assert.Equal("age", space.LabelOf("age", Language.Dutch));
        Assert.Equal("a rented home", space.LabelOf("housing", "rent", Language.English));
        Assert.Equal("rent_allowance", space.LabelOf("housing", "rent_allowance", Language.English));
        Assert.Equal("couple", space.LabelOf("household", "couple", Language.Dutch));
    }
}
