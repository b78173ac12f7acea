namespace Datawijs.Domain.Reporting;

/// <summary>
/// The median time to outflow as a fact about the group, in plain language (B1, short sentences), never as a
/// prediction for the person: "Huishoudens in dit profiel stoppen meestal binnen 15 maanden."
/// </summary>
public static class OutflowText
{
    /// <summary>The sentences, or null when there is no published median (not reached, or withheld).</summary>
    public static string? Sentence(OutflowFact? fact, Language language)
    {
        if (fact?.Median is not { } median)
        {
            return null;
        }

        var nl = language == Language.Dutch;
        var units = OutflowChart.UnitName(fact.Unit, language);
        string N(double x) => OutflowChart.Number(x, language);
        var text = nl
            ? $"Huishoudens in dit profiel stoppen meestal binnen {N(median)} {units}."
            : $"Households in this profile usually stop within {N(median)} {units}.";
        text += (fact.Lower, fact.Upper) switch
        {
            ({ } lower, { } upper) when lower < upper => nl
                ? $" Dat getal is niet precies: het ligt tussen {N(lower)} en {N(upper)} {units}."
                : $" That number is not exact: it lies between {N(lower)} and {N(upper)} {units}.",
            (_, null) => nl ? " Dat getal is niet precies." : " That number is not exact.",
            _ => "",
        };
        text += nl
            ? " Dit zegt iets over de groep. Het zegt niet hoe lang het bij u duurt."
            : " This is about the group. It does not say how long it will take for you.";
        return text;
    }
}
