using System.Globalization;
using Datawijs.Api.Http;
using Datawijs.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Datawijs.Api.Tests;

public sealed class RequestLanguageTests
{
    [Theory]
    [InlineData("*, en;q=0.5", "nl")]
    [InlineData("de, en;q=0", "nl")]
    [InlineData("fr, de, it, en", "en")]
    [InlineData("nl;q=0.3,en;q=0.7", "en")]
    [InlineData(null, "nl")]
    public async Task The_culture_provider_applies_the_api_rule(string? header, string expected)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers.AcceptLanguage = header;
        }

        var result = await new AcceptLanguageCultureProvider().DetermineProviderCultureResult(context);

        Assert.Equal(expected, Assert.Single(result!.UICultures).Value);
    }

    [Fact]
    public void Endpoints_read_the_culture_request_localization_chose()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "nl";
        var english = CultureInfo.GetCultureInfo(RequestLanguage.English);
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(english), provider: null));

        Assert.Equal(Language.English, RequestLanguage.From(context));
    }
}
