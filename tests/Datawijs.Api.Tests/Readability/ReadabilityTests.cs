namespace Datawijs.Api.Tests.Readability;

public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("u", 1)]
    [InlineData("uw", 1)]
    [InlineData("huis", 1)]
    [InlineData("nieuw", 1)]
    [InlineData("eeuw", 1)]
    [InlineData("ooit", 1)]
    [InlineData("fraai", 1)]
    [InlineData("moeilijk", 2)]
    [InlineData("advies", 2)]
    [InlineData("profiel", 2)]
    [InlineData("gegevens", 3)]
    [InlineData("medewerker", 4)]
    [InlineData("situatie", 4)]
    [InlineData("informatie", 4)]
    [InlineData("reactie", 3)]
    [InlineData("België", 3)]
    [InlineData("geïnteresseerd", 5)]
    [InlineData("bijstandsuitkering", 5)]
    [InlineData("arbeidsongeschiktheidsuitkering", 9)]
    [InlineData("huurtoeslag", 3)]
    [InlineData("WW-uitkering", 5)]
    [InlineData("WW", 2)]
    [InlineData("14.500", 2)]
    public void Dutch_syllables_are_counted_per_vowel_sound(string word, int syllables) =>
        Assert.Equal(syllables, Readability.DutchSyllables(word));

    [Theory]
    [InlineData("the", 1)]
    [InlineData("home", 1)]
    [InlineData("homes", 1)]
    [InlineData("looked", 1)]
    [InlineData("wanted", 2)]
    [InlineData("fixes", 2)]
    [InlineData("advice", 2)]
    [InlineData("people", 2)]
    [InlineData("table", 2)]
    [InlineData("benefit", 3)]
    [InlineData("assistance", 3)]
    [InlineData("municipality", 6)]
    [InlineData("you", 1)]
    [InlineData("every", 3)]
    public void English_syllables_are_counted_per_vowel_group_less_silent_endings(string word, int syllables) =>
        Assert.Equal(syllables, Readability.EnglishSyllables(word));

    [Fact]
    public void Sentences_and_words_are_split_as_a_reader_sees_them()
    {
        const string text = "Zeg dan: \u201cDit ben ik niet\u201d. Uw inkomen is € 14.500. Wilt u dat niet? Dan kan het.";

        Assert.Equal(4, Readability.Sentences(text).Count);
        Assert.Equal(["Uw", "inkomen", "is", "14.500"], Readability.Words(Readability.Sentences(text)[1]));
        Assert.Equal(["WW-uitkering", "don't"], Readability.Words("WW-uitkering, don't."));
    }

    [Fact]
    public void Plain_dutch_scores_high_and_official_dutch_low()
    {
        var plain = "U krijgt geen jeugdzorg. Een medewerker kijkt naar uw situatie. Hij beslist, niet de computer.";
        var official = "Teneinde de arbeidsongeschiktheidsuitkeringsaanvraag administratief afhandelbaar te maken, dient de belanghebbende "
                       + "onverwijld de desbetreffende inkomensverklaringsformulieren te retourneren aan de uitvoeringsorganisatie.";

        Assert.True(Readability.FleschDouma(plain) >= 60, Readability.Describe(plain, dutch: true));
        Assert.True(Readability.FleschDouma(official) < 30, Readability.Describe(official, dutch: true));
    }

    [Fact]
    public void Plain_english_scores_high_and_official_english_low()
    {
        var plain = "You do not get youth care. A person looks at your case. They decide, not the computer.";
        var official = "Notwithstanding the aforementioned considerations, the municipality's administrative determination "
                       + "necessitates comprehensive documentation substantiating eligibility.";

        Assert.True(Readability.FleschReadingEase(plain) >= 60, Readability.Describe(plain, dutch: false));
        Assert.True(Readability.FleschReadingEase(official) < 30, Readability.Describe(official, dutch: false));
    }
}
