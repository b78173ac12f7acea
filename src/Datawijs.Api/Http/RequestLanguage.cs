using Datawijs.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Http;

/// <summary>
/// Citizen-facing text is Dutch (B1) by default and English when Accept-Language prefers en. The framework's
/// request localization chooses the request's culture by <see cref="PrefersEnglish"/> (<see cref="AcceptLanguageCultureProvider"/>);
/// endpoints read that choice here.
/// </summary>
public static class RequestLanguage
{
    public const string Dutch = "nl";

    public const string English = "en";

    /// <summary>Dutch by default, English on request; the culture only names the language (the API formats invariantly).</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SetDefaultCulture(Dutch);
        options.AddSupportedCultures(Dutch, English);
        options.AddSupportedUICultures(Dutch, English);
        options.RequestCultureProviders = [new AcceptLanguageCultureProvider()];

        // Only the operations whose text follows the header say Content-Language (Apply).
        options.ApplyCurrentCultureToResponseHeaders = false;
    }

    /// <summary>The language request localization chose; outside that middleware (a unit test) the same rule, read from the header.</summary>
    public static Language From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chosen = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name
            ?? (PrefersEnglish(context.Request.Headers.AcceptLanguage) ? English : Dutch);
        return chosen == English ? Language.English : Language.Dutch;
    }

    /// <summary>
    /// The one rule for every localised response: English only when Accept-Language ranks a tag
    /// whose primary subtag is en above any nl (or *), with a quality above 0; Dutch otherwise, also
    /// for unreadable headers.
    /// </summary>
    public static bool PrefersEnglish(IList<string>? acceptLanguage)
    {
        if (acceptLanguage is null || acceptLanguage.Count == 0
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var values))
        {
            return false;
        }

        // q=0 means "not acceptable" (RFC 9110, 12.4.2): such a tag never chooses English.
        foreach (var value in values.Where(v => v.Quality is not 0.0).OrderByDescending(v => v.Quality ?? 1.0))
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0];
            if (string.Equals(primary, "en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(primary, "nl", StringComparison.OrdinalIgnoreCase) || tag == "*")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Sets Content-Language (and Vary) and returns the language code used in bodies.</summary>
    public static string Apply(HttpContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = Code(language);
        context.Response.Headers[HeaderNames.ContentLanguage] = code;
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        return code;
    }

    public static string Code(Language language) => language == Language.English ? English : Dutch;
}
