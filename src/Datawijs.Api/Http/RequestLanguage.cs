using Datawijs.Domain.Explanations;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Http;

/// <summary>Citizen-facing text is Dutch (B1) by default and English when Accept-Language prefers en.</summary>
public static class RequestLanguage
{
    public static Language From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in accepted.OrderByDescending(v => v.Quality ?? 1.0))
        {
            var tag = value.Value.Value ?? "";
            if (tag.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Dutch;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.English;
            }
        }

        return Language.Dutch;
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

    public static string Code(Language language) => language == Language.English ? "en" : "nl";
}

/// <summary>Marks an endpoint whose text follows Accept-Language (nl default, en); the contract shows the header.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LocalizedAttribute : Attribute;
