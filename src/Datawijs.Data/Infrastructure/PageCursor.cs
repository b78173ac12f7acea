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
