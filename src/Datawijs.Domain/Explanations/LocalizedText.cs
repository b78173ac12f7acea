namespace Datawijs.Domain.Explanations;

/// <summary>The languages citizen-facing text is written in. Dutch (B1) is the default.</summary>
public enum Language
{
    Dutch,
    English,
}

/// <summary>A short text in Dutch and English, e.g. a profile name or a feature label.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.English ? En : Nl;
}

/// <summary>
/// How a feature is called in citizen-facing text, and optionally how its categories are called
/// (so that "rent_allowance" reads as "huur met huurtoeslag"). Anything missing falls back to the code.
/// </summary>
public sealed record FeatureLabel(LocalizedText Name, IReadOnlyDictionary<string, LocalizedText>? Values = null);
