using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Datawijs.Data.Infrastructure;

/// <summary>
/// Keyset position in a list ordered by (created at, id): opaque to callers, stable under
/// inserts, and cheap to seek on an index.
/// </summary>
public readonly record struct PageCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}:{Id:N}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>The position a validated <c>cursor</c> parameter names, or null for the first page.</summary>
    public static PageCursor? DecodeOrNull(string? value) => TryDecode(value, out var cursor) ? cursor : null;

    public static bool TryDecode(string? value, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 100)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes).Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, PageCursor? Next);

public static class Page
{
    /// <summary>
    /// A page from a query that asked for one row more than <paramref name="limit"/>: that extra
    /// row tells whether another page follows, and is dropped.
    /// </summary>
    public static Page<T> FromOverfetch<T>(List<T> rows, int limit, Func<T, PageCursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, cursorOf(rows[^1]));
    }
}
