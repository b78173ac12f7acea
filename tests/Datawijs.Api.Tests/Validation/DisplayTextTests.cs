using Datawijs.Api.Validation;

namespace Datawijs.Api.Tests.Validation;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData('\u0000')]
    [InlineData('\n')]
    [InlineData('\u200E')] // left-to-right mark
    [InlineData('\u200F')] // right-to-left mark
    [InlineData('\u202A')] // left-to-right embedding
    [InlineData('\u202E')] // right-to-left override
    [InlineData('\u2066')] // left-to-right isolate
    [InlineData('\u2069')] // pop directional isolate
    [InlineData('\u061C')] // Arabic letter mark
    public void Control_and_bidirectional_formatting_characters_are_unsafe_in_text_people_read(char c) =>
        Assert.True(DisplayText.IsUnsafe(c));

    [Theory]
    [InlineData('a')]
    [InlineData('é')]
    [InlineData('€')]
    [InlineData(' ')]
    [InlineData('\u2019')] // right single quotation mark, as in "cliënt’s"
    public void Letters_signs_and_spaces_are_safe(char c) => Assert.False(DisplayText.IsUnsafe(c));
}
