using Datawijs.Domain;
using Datawijs.Api.Features.Scans;
using Datawijs.Api.Features.Scans.ListScores;

namespace Datawijs.Api.Tests;

public sealed class MaturityHttpTests
{
    [Theory]
    [InlineData(null, Language.Dutch)]
    [InlineData("", Language.Dutch)]
    [InlineData("en", Language.English)]
    [InlineData("EN-gb", Language.English)]
    [InlineData("nl-NL,nl;q=0.9,en;q=0.8", Language.Dutch)]
    [InlineData("de-DE,en;q=0.5", Language.English)]
    [InlineData("nl;q=0.3,en;q=0.7", Language.English)]
    [InlineData("fr", Language.Dutch)]
    [InlineData("*", Language.Dutch)]
    [InlineData(";;garbage", Language.Dutch)]
    public void Accept_language_picks_english_only_when_preferred_over_dutch(string? header, Language expected)
    {
        Assert.Equal(expected, MaturityLanguage.From(header));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("en-GB", true)]
    [InlineData("nl;q=0.3,en;q=0.7", true)]
    [InlineData("*, en;q=0.5", false)]
    [InlineData("english", false)]
    [InlineData("en;q=0", false)]
    [InlineData("de, en;q=0", false)]
    [InlineData("nl;q=0, en", true)]
    public void Citizen_text_follows_the_same_language_rule(string? header, bool english)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers.AcceptLanguage = header;
        }

        Assert.Equal(english ? Domain.Language.English : Domain.Language.Dutch, Http.RequestLanguage.From(context));
        Assert.Equal(english ? Language.English : Language.Dutch, MaturityLanguage.From(header));
    }

    [Fact]
    public void Csv_quotes_per_rfc_4180_and_defuses_spreadsheet_formulas()
    {
        var entry = new ScoreEntry
        {
            ScanId = Guid.Parse("01a2089d-0721-7366-9e89-ac9e46600448"),
            OrganisationId = Guid.Parse("01a2089d-067f-73c3-b608-7b8b0b0a6d17"),
            OrganisationName = "=HYPERLINK(\"x\"), \"W&I\"",
            ModelId = "dmm-quick-v1",
            ModelVersion = 1,
            CompletedAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
            Overall = 2.5,
            OverallLevel = 2,
            Categories =
            [
                new ScoreEntryCategory { CategoryId = "culture", Score = 19.5 / 7, Level = 2 },
                new ScoreEntryCategory { CategoryId = "technology", Score = null, Level = null },
            ],
        };

        var lines = Endpoint.Csv([entry]).Split("\r\n");

        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
        Assert.Equal(
            "01a2089d-0721-7366-9e89-ac9e46600448,01a2089d-067f-73c3-b608-7b8b0b0a6d17,\"'=HYPERLINK(\"\"x\"\"), \"\"W&I\"\"\",dmm-quick-v1,2026-11-23T12:00:00Z,culture,2.7857142857142856,2,1,2.5,2",
            lines[1]);
        Assert.EndsWith(",technology,,,1,2.5,2", lines[2], StringComparison.Ordinal);
    }
}
