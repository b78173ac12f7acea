using Datawijs.Domain.Maturity;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Features.Scans;

/// <summary>Dutch (B1) by default; English when <c>Accept-Language</c> prefers it over Dutch.</summary>
public static class MaturityLanguage
{
    public const string HeaderDescription = "nl (default) or en; the language of names, descriptors and advice.";

    public static Language From(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var values))
        {
            return Language.Nl;
        }

        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0];
            if (string.Equals(primary, "en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.En;
            }

            if (string.Equals(primary, "nl", StringComparison.OrdinalIgnoreCase) || tag == "*")
            {
                return Language.Nl;
            }
        }

        return Language.Nl;
    }

    /// <summary>Resolves the language and says which one the response is in.</summary>
    public static Language Negotiate(HttpContext context, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = From(acceptLanguage);
        context.Response.Headers.ContentLanguage = Code(language);
        context.Response.Headers.Vary = "Accept-Language";
        return language;
    }

    public static string Code(Language language) => language == Language.En ? "en" : "nl";
}
