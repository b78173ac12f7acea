using Microsoft.AspNetCore.Localization;

namespace Datawijs.Api.Http;

/// <summary>
/// Chooses the request's culture by <see cref="RequestLanguage.PrefersEnglish"/>. The framework's own Accept-Language
/// provider would read "*, en;q=0.5" as English and try only the first three tags; the API's rule is Dutch unless en
/// ranks above nl and *.
/// </summary>
public sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = RequestLanguage.PrefersEnglish(httpContext.Request.Headers.AcceptLanguage) ? RequestLanguage.English : RequestLanguage.Dutch;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language));
    }
}
