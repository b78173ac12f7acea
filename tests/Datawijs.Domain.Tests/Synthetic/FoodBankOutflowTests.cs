using Datawijs.Domain.Synthetic;

namespace Datawijs.Domain.Tests.Synthetic;

public sealed class FoodBankOutflowTests
{
    [Fact]
    public void Durations_look_like_the_pilot_few_short_stays_and_about_half_over_a_year()
    {
        var data = FoodBankHouseholds.Generate(20_000, seed: 5);
        var (months, left) = FoodBankOutflow.Generate(data, seed: 5);

        var under6 = months.Count(m => m < 6) / (double)months.Length;
        var over12 = months.Count(m => m > 12) / (double)months.Length;
        Assert.InRange(under6, 0.09, 0.18);
        Assert.InRange(over12, 0.48, 0.62);
        Assert.Contains(left, l => !l);
        Assert.Contains(left, l => l);
        Assert.All(months, m => Assert.True(m >= 0));
    }

    [Fact]
    public void Same_seed_gives_the_same_outcome()
    {
        var data = FoodBankHouseholds.Generate(500, seed: 1);

        Assert.Equal(FoodBankOutflow.Generate(data, 3).Months, FoodBankOutflow.Generate(data, 3).Months);
    }
}
