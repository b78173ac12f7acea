using Datawijs.Data.Infrastructure;

namespace Datawijs.Data.Tests;

public sealed class PageCursorTests
{
    [Fact]
    public void Cursor_round_trips()
    {
        var cursor = new PageCursor(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), Guid.CreateVersion7());
        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("MTIz")]
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OTk5OmFiYw")]
    public void Foreign_cursors_are_refused(string value) => Assert.False(PageCursor.TryDecode(value, out _));
}
