using Datawijs.Domain;

namespace Datawijs.Api.Features.Scans;

/// <summary>Dutch (B1) by default; English when <c>Accept-Language</c> prefers it over Dutch.</summary>
public static class MaturityLanguage
{
    public const string HeaderDescription = "nl (default) or en; the language of names, descriptors and advice.";

    public static Language From(string? acceptLanguage) =>
        !string.IsNullOrWhiteSpace(acceptLanguage) && Http.RequestLanguage.PrefersEnglish([acceptLanguage]) ? Language.English : Language.Dutch;

    /// <summary>
    /// The request's language (<see cref="Http.RequestLanguage.From"/>, which request localization chose from the same header
    /// as <paramref name="acceptLanguage"/>, bound so the contract documents it), and says which one the response is in.
    /// </summary>
    public static Language Negotiate(HttpContext context, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = Http.RequestLanguage.From(context);
        Http.RequestLanguage.Apply(context, language);
        return language;
    }

    public static string Code(Language language) => Http.RequestLanguage.Code(language);
}
