using Datawijs.Domain.Privacy;

namespace Datawijs.Domain.Tests.Privacy;

public sealed class PersonalNumbersTests
{
    [Theory]
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("12345672", true)]    // 012345672 with its leading zero dropped
    [InlineData("123456789", false)]  // fails the eleven-test
    [InlineData("000000000", false)]  // sum 0
    [InlineData("1234567820", false)] // ten digits
    [InlineData("r1", false)]
    [InlineData("12345678a", false)]
    [InlineData(null, false)]
    public void A_bsn_is_nine_digits_that_pass_the_eleven_test(string? value, bool expected) =>
        Assert.Equal(expected, PersonalNumbers.LooksLikeBsn(value));
}
