using Datawijs.Domain.Maturity;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class MunicipalSizeClassTests
{
    [Theory]
    [InlineData(0, "lt-5k")]
    [InlineData(4_999, "lt-5k")]
    [InlineData(5_000, "5k-10k")]
    [InlineData(9_999, "5k-10k")]
    [InlineData(10_000, "10k-20k")]
    [InlineData(19_999, "10k-20k")]
    [InlineData(20_000, "20k-50k")]
    [InlineData(49_999, "20k-50k")]
    [InlineData(50_000, "50k-100k")]
    [InlineData(99_999, "50k-100k")]
    [InlineData(100_000, "100k-150k")]
    [InlineData(149_999, "100k-150k")]
    [InlineData(150_000, "150k-250k")]
    [InlineData(249_999, "150k-250k")]
    [InlineData(250_000, "gte-250k")]
    [InlineData(int.MaxValue, "gte-250k")]
    public void A_boundary_number_of_inhabitants_belongs_to_the_higher_class(int inhabitants, string classId)
    {
        Assert.Equal(classId, MunicipalSizeClasses.For(inhabitants).Id);
    }

    [Fact]
    public void There_are_eight_classes_that_cover_every_number_without_overlap()
    {
        var classes = MunicipalSizeClasses.All;
        Assert.Equal(8, classes.Count);
        Assert.Equal(Enumerable.Range(1, 8), classes.Select(c => c.Order));
        Assert.Equal(0, classes[0].MinInhabitants);
        Assert.All(classes.Zip(classes.Skip(1)), p => Assert.Equal(p.First.MaxInhabitantsExclusive, p.Second.MinInhabitants));
        Assert.Null(classes[^1].MaxInhabitantsExclusive);
        Assert.All(classes, c => Assert.Same(c, MunicipalSizeClasses.Find(c.Id)));
    }

    [Fact]
    public void A_negative_number_of_inhabitants_is_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MunicipalSizeClasses.For(-1));
    }
}
