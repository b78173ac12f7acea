namespace Datawijs.Domain.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Arithmetic_works() => Assert.Equal(2, 1 + 1);
}
