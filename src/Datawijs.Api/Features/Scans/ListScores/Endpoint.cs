using System.Globalization;
using System.Text;
using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Scans;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class Endpoint(ScanRepository scans) : Endpoint<Request, ScoreList>
{
    public const int DefaultLimit = 100;
    public const string CsvContentType = "text/csv";

    public override void Configure()
    {
        Get("/scores");
        Scopes(Auth.Scopes.ScansRead, Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("listScores"));
        Summary(s =>
        {
            s.Summary = "Pull the tenant's completed scan scores (JSON or CSV)";
            s.Description = "By completion time, cursor-paginated. With `Accept: text/csv` the answer is RFC 4180 CSV (UTF-8, CRLF): a header row, "
                + "then one row per scan and category (scanId, organisationId, organisationName, modelId, completedAt, categoryId, score, level, "
                + "then the scan's modelVersion, overall and overallLevel, repeated on each of its rows; empty where there is no score); "
                + "the next page is in the `Link` header (rel=\"next\"). Scores are unrounded.";
        });
        Description(b => b.Produces<ScoreList>(200, "application/json", CsvContentType).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var after = PageCursor.DecodeOrNull(req.Cursor);
        var page = await scans.ScoresPageAsync(HttpContext.Caller().TenantId, req.ModelId, req.CompletedSince, after, req.Limit ?? DefaultLimit, ct);
        var items = page.Items.Select(ScoreEntry.From).ToList();
        var next = page.Next?.Encode();
        HttpContext.Response.Headers.Vary = "Accept";
        if (WantsCsv(HttpContext.Request))
        {
            if (next is not null)
            {
                HttpContext.Response.Headers.Link = $"<{NextUrl(HttpContext.Request, next)}>; rel=\"next\"";
            }

            await Send.StringAsync(Csv(items), 200, CsvContentType + "; charset=utf-8", ct);
            return;
        }

        await Send.OkAsync(new ScoreList { Items = items, Next = next }, ct);
    }

    // CSV when the caller asks for text/csv at least as strongly as for JSON; JSON otherwise.
    private static bool WantsCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double QualityOf(string mediaType) => accepted
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0.0)
            .Max();

        var csv = QualityOf(CsvContentType);
        return csv > 0 && csv >= QualityOf("application/json");
    }

    private static string NextUrl(HttpRequest request, string next)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        var parts = query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Append(("cursor", next))
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2));
        return request.PathBase.Add(request.Path).Value + "?" + string.Join('&', parts);
    }

    public static string Csv(IReadOnlyList<ScoreEntry> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sb = new StringBuilder("scanId,organisationId,organisationName,modelId,completedAt,categoryId,score,level,modelVersion,overall,overallLevel\r\n");
        foreach (var item in items)
        {
            foreach (var category in item.Categories)
            {
                sb.Append(item.ScanId.ToString("D")).Append(',')
                    .Append(item.OrganisationId.ToString("D")).Append(',')
                    .Append(Field(item.OrganisationName)).Append(',')
                    .Append(Field(item.ModelId)).Append(',')
                    .Append(item.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)).Append(',')
                    .Append(Field(category.CategoryId)).Append(',')
                    .Append(category.Score?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(category.Level?.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(item.ModelVersion.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(item.Overall?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(item.OverallLevel?.ToString(CultureInfo.InvariantCulture))
                    .Append("\r\n");
            }
        }

        return sb.ToString();
    }

    // RFC 4180 quoting; a leading = + - @ would make a spreadsheet run the cell as a formula, so it gets a quote mark first.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
