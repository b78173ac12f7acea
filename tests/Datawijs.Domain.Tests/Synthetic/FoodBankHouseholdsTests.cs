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

    [Fact]
    public void Each_group_is_the_pilot_cluster_of_its_size_with_what_the_pilot_found_more_often_in_it()
    {
        var data = FoodBankHouseholds.Generate(1000, seed: 20240501);
        string Mode(int group, string feature)
        {
            var f = data.Matrix.IndexOf(feature);
            var codes = data.Matrix.Categorical(f).ToArray();
            return data.Matrix.CategoryValues(f)[Enumerable.Range(0, codes.Length).Where(i => data.TrueGroups[i] == group).GroupBy(i => codes[i]).MaxBy(g => g.Count())!.Key];
        }

        double Mean(int group, string feature)
        {
            var values = data.Matrix.Numeric(data.Matrix.IndexOf(feature)).ToArray();
            return Enumerable.Range(0, values.Length).Where(i => data.TrueGroups[i] == group).Average(i => values[i]);
        }

        // The pilot's largest cluster (62 of 191): single people on social assistance, renting with an allowance, no children.
        Assert.Equal(3, FoodBankHouseholds.PilotGroupSizes.ToList().IndexOf(FoodBankHouseholds.PilotGroupSizes.Max()));
        Assert.Equal(("socialAssistance", "single", "rentWithAllowance", "no"), (Mode(3, "benefitType"), Mode(3, "householdType"), Mode(3, "housing"), Mode(3, "youthCare")));
        Assert.InRange(Mean(3, "children"), 0, 0.3);
        // Without a benefit: a couple without children, around fifty, owning their home, about €22,000.
        Assert.Equal(("none", "couple", "owner"), (Mode(0, "benefitType"), Mode(0, "householdType"), Mode(0, "housing")));
        Assert.InRange(Mean(0, "children"), 0, 0.3);
        Assert.InRange(Mean(0, "age"), 48, 52);
        Assert.InRange(Mean(0, "disposableIncome"), 21_000, 23_000);
        // Unemployment benefit: couples with children and a high education. Young single parents: about 35, low education.
        Assert.Equal(("unemployment", "couple", "high"), (Mode(1, "benefitType"), Mode(1, "householdType"), Mode(1, "education")));
        Assert.Equal(("socialAssistance", "singleParent", "low", "yes"), (Mode(2, "benefitType"), Mode(2, "householdType"), Mode(2, "education"), Mode(2, "youthCare")));
        Assert.InRange(Mean(2, "age"), 31, 36);
        // Wmo support: a disability benefit, a rented home, support under the Wmo.
        Assert.Equal(("disability", "rent", "yes"), (Mode(4, "benefitType"), Mode(4, "housing"), Mode(4, "wmoSupport")));
    }
}
