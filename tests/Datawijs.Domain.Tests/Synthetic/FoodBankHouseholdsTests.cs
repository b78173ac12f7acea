using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Domain.Tests.Synthetic;

public sealed class FoodBankHouseholdsTests
{
    [Fact]
    public void The_pilot_sized_dataset_has_exactly_the_pilot_group_sizes()
    {
        var data = FoodBankHouseholds.Generate(191, seed: 1);
        var sizes = new int[5];
        foreach (var g in data.TrueGroups)
        {
            sizes[g]++;
        }

        Assert.Equal([35, 38, 26, 62, 30], sizes);
        Assert.Equal([35, 38, 26, 62, 30], FoodBankHouseholds.GroupSizes(191));
        Assert.Equal(1_000_000, FoodBankHouseholds.GroupSizes(1_000_000).Sum());
    }

    [Fact]
    public void The_same_seed_generates_the_same_households_and_another_seed_does_not()
    {
        var a = FoodBankHouseholds.Generate(500, seed: 4);
        var b = FoodBankHouseholds.Generate(500, seed: 4);
        var c = FoodBankHouseholds.Generate(500, seed: 5);

        Assert.True(a.TrueGroups.SequenceEqual(b.TrueGroups));
        Assert.True(a.Matrix.Numeric(1).SequenceEqual(b.Matrix.Numeric(1)));
        Assert.True(a.Matrix.Categorical(0).SequenceEqual(b.Matrix.Categorical(0)));
        Assert.False(a.Matrix.Numeric(1).SequenceEqual(c.Matrix.Numeric(1)));
    }

    [Fact]
    public void Features_have_the_declared_roles_and_mutability_and_plausible_ranges()
    {
        var data = FoodBankHouseholds.Generate(2000, seed: 2);
        var byName = data.Features.ToDictionary(f => f.Name);

        Assert.Equal(FeatureRole.Protected, byName["migrationBackground"].Role);
        Assert.False(byName["migrationBackground"].Mutable);
        Assert.False(byName["age"].Mutable);
        Assert.True(byName["disposableIncome"].Mutable);
        Assert.True(byName["housing"].Mutable);
        Assert.Equal(9, data.Features.Count(f => f.InDistance));
        var income = data.Matrix.Numeric(1).ToArray();
        Assert.InRange(income.Average(), 16_000, 20_000);
        Assert.All(income, v => Assert.InRange(v, 12_000, 25_000));
    }
}
