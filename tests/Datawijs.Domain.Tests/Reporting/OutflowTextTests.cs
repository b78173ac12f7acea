using Datawijs.Domain.Datasets;
using Datawijs.Domain.Reporting;

namespace Datawijs.Domain.Tests.Reporting;

public sealed class OutflowTextTests
{
    [Fact]
    public void Median_is_told_as_a_fact_about_the_group_with_its_interval_in_dutch_and_english()
    {
        var fact = new OutflowFact(15, 12, 18, DurationUnit.Months);

        var nl = OutflowText.Sentence(fact, Language.Dutch)!;
        var en = OutflowText.Sentence(fact, Language.English)!;

        Assert.StartsWith("Huishoudens in dit profiel stoppen meestal binnen 15 maanden.", nl, StringComparison.Ordinal);
        Assert.Contains("tussen 12 en 18 maanden", nl, StringComparison.Ordinal);
        Assert.Contains("Het zegt niet hoe lang het bij u duurt.", nl, StringComparison.Ordinal);
        Assert.StartsWith("Households in this profile usually stop within 15 months.", en, StringComparison.Ordinal);
        Assert.Contains("does not say how long it will take for you", en, StringComparison.Ordinal);
        // B1: no sentence longer than 20 words.
        Assert.All(nl.Split('.', StringSplitOptions.RemoveEmptyEntries), s => Assert.True(s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 20, s));
    }

    [Fact]
    public void Nothing_is_said_when_the_median_is_not_reached_or_withheld()
    {
        Assert.Null(OutflowText.Sentence(new OutflowFact(null, null, null, DurationUnit.Months), Language.Dutch));
        Assert.Null(OutflowText.Sentence(null, Language.English));
    }
}
