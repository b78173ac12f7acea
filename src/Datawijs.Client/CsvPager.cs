using System.Runtime.CompilerServices;
using Refit;

namespace Datawijs.Client;

/// <summary>
/// Follows a CSV list to its end: the API puts the next page's address only in the <c>Link</c> header
/// (<c>rel="next"</c>), and each page starts with the header row.
/// </summary>
public static class CsvPager
{
    /// <summary>Every page's CSV text, in order. <paramref name="page"/> gets the cursor (null for the first page).</summary>
    /// <exception cref="DatawijsProblemException">A page failed.</exception>
    public static async IAsyncEnumerable<string> PagesAsync(
        Func<string?, CancellationToken, Task<IApiResponse<string>>> page, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            using var response = await page(cursor, cancellationToken).ConfigureAwait(false);
            yield return response.OrThrow();
            cursor = NextCursor(response);
            if (cursor is not null && !seen.Add(cursor))
            {
                throw new DatawijsProblemException($"The API sent the cursor {cursor} twice; stopped rather than loop.");
            }
        }
        while (cursor is not null);
    }

    /// <summary>Every line of every page, the header row once (first), without line ends. Assumes no line breaks inside fields.</summary>
    public static async IAsyncEnumerable<string> LinesAsync(
        Func<string?, CancellationToken, Task<IApiResponse<string>>> page, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = true;
        await foreach (var text in PagesAsync(page, cancellationToken).ConfigureAwait(false))
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
            foreach (var line in first ? lines : lines.Skip(1))
            {
                yield return line;
            }

            first = false;
        }
    }

    /// <summary>The <c>cursor</c> of the <c>rel="next"</c> link, or null on the last page.</summary>
    public static string? NextCursor(IApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers is null || !response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';');
            if (!parts.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                continue;
            }

            var target = parts[0].Trim().TrimStart('<').TrimEnd('>');
            var query = target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? target[(q + 1)..] : "";
            foreach (var pair in query.Split('&'))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[..eq] == "cursor")
                {
                    return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
                }
            }
        }

        return null;
    }
}
