using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Synthetic;

/// <summary>
/// Food-bank-like client households in the five groups the food-bank pilot found (191 households: 35, 38, 26, 62,
/// 30; see docs/profiles.md, "The pilot behind the demo"), with each group's features as the pilot described
/// them. Every group has a dominant value per categorical feature (70–95 %) and its own income/age/children
/// level, so k-prototypes should recover the groups almost perfectly. Migration background is protected and
/// only loosely related to the groups (young single parents have one somewhat more often, as in the pilot), so
/// that the profile report has something to show, but no background is twice as frequent in a group as outside
/// it: the demo's profiles pass the inequality check (FairnessCheck) without a review. Deterministic for a seed on
/// every machine (integer PRNG, no transcendental functions); about 0.2 s per million households.
/// </summary>
public static class FoodBankHouseholds
{
    /// <summary>The pilot's group sizes; other counts keep these proportions (largest remainder).</summary>
    public static IReadOnlyList<int> PilotGroupSizes { get; } = [35, 38, 26, 62, 30];

    public static IReadOnlyList<string> GroupNames { get; } =
    [
        "households without a benefit",
        "families on unemployment benefit",
        "young single parents on social assistance",
        "single people on social assistance",
        "households with Wmo support",
    ];

    /// <summary>
    /// The declared features. Mutable: benefit type, income, housing, youth care, WMO support (things that
    /// can change or be arranged). Fixed: education, household type, children, age, migration background.
    /// </summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        new("benefitType", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["none", "unemployment", "socialAssistance", "disability"]),
        new("disposableIncome", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true, Min: 0, Max: 200_000),
        new("education", FeatureType.Categorical, FeatureRole.Clustering, Mutable: false, Values: ["low", "middle", "high"]),
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["owner", "rent", "rentWithAllowance"]),
        new("householdType", FeatureType.Categorical, FeatureRole.Clustering, Mutable: false, Values: ["couple", "single", "singleParent"]),
        new("children", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false, Min: 0, Max: 15, WholeNumber: true),
        new("youthCare", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["no", "yes"]),
        new("wmoSupport", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["no", "yes"]),
        new("age", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false, Min: 18, Max: 110, WholeNumber: true),
        new("migrationBackground", FeatureType.Categorical, FeatureRole.Protected, Mutable: false, Values: ["dutch", "western", "nonWestern"]),
    ];

    // Per group (GroupNames order): probabilities over the values of each categorical feature (in declared order), and
    // numeric levels. What the pilot found relatively more often in a group is its dominant value here; where the pilot
    // says a feature varies (housing of group 2, income of group 5), the values are spread.
    private static readonly GroupSpec[] Groups =
    [
        // 1. No benefit: a couple without children at home, about 50, middle education, own home, about 22,000 a year, no care.
        new(Benefit: [0.88, 0.05, 0.04, 0.03], Income: 22_000, IncomeSd: 700, Education: [0.15, 0.70, 0.15], Housing: [0.65, 0.30, 0.05],
            Household: [0.88, 0.07, 0.05], Children: 0, YouthCare: [0.95, 0.05], Wmo: [0.93, 0.07], Age: 50, AgeSd: 4, Migration: [0.70, 0.10, 0.20]),
        // 2. Unemployment benefit (WW): a couple with children, high education, housing varies, about 18,000 a year, youth care.
        new(Benefit: [0.05, 0.85, 0.07, 0.03], Income: 18_000, IncomeSd: 700, Education: [0.10, 0.30, 0.60], Housing: [0.35, 0.40, 0.25],
            Household: [0.85, 0.05, 0.10], Children: 2, YouthCare: [0.40, 0.60], Wmo: [0.92, 0.08], Age: 42, AgeSd: 4, Migration: [0.65, 0.10, 0.25]),
        // 3. Young single parents on social assistance: about 35, young children, low education, rent with allowance, about 14,000, youth care.
        new(Benefit: [0.03, 0.04, 0.90, 0.03], Income: 14_000, IncomeSd: 500, Education: [0.80, 0.15, 0.05], Housing: [0.03, 0.12, 0.85],
            Household: [0.03, 0.05, 0.92], Children: 2, YouthCare: [0.40, 0.60], Wmo: [0.90, 0.10], Age: 33, AgeSd: 4, Migration: [0.55, 0.10, 0.35]),
        // 4. Single people on social assistance, the largest group: alone, no children, low education, rent with allowance, about 14,000, no care.
        new(Benefit: [0.03, 0.04, 0.90, 0.03], Income: 14_000, IncomeSd: 500, Education: [0.75, 0.20, 0.05], Housing: [0.03, 0.12, 0.85],
            Household: [0.04, 0.92, 0.04], Children: 0, YouthCare: [0.97, 0.03], Wmo: [0.90, 0.10], Age: 48, AgeSd: 5, Migration: [0.65, 0.10, 0.25]),
        // 5. Wmo support: a couple with children, a disability benefit, low education, a rented home, income varies.
        new(Benefit: [0.05, 0.04, 0.06, 0.85], Income: 16_500, IncomeSd: 1_200, Education: [0.75, 0.20, 0.05], Housing: [0.05, 0.80, 0.15],
            Household: [0.85, 0.10, 0.05], Children: 1, YouthCare: [0.85, 0.15], Wmo: [0.35, 0.65], Age: 58, AgeSd: 5, Migration: [0.60, 0.10, 0.30]),
    ];

    /// <summary>Generates <paramref name="count"/> households; same count and seed give the same data everywhere.</summary>
    public static SyntheticDataset Generate(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var groups = new int[count];
        var sizes = GroupSizes(count);
        var next = 0;
        for (var g = 0; g < sizes.Length; g++)
        {
            groups.AsSpan(next, sizes[g]).Fill(g);
            next += sizes[g];
        }

        var rng = new DeterministicRandom(seed, 0x5EED_F00D, 1);
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (groups[i], groups[j]) = (groups[j], groups[i]);
        }

        var benefit = new int[count];
        var income = new double[count];
        var education = new int[count];
        var housing = new int[count];
        var household = new int[count];
        var children = new double[count];
        var youthCare = new int[count];
        var wmo = new int[count];
        var age = new double[count];
        var migration = new int[count];
        for (var i = 0; i < count; i++)
        {
            var g = Groups[groups[i]];
            benefit[i] = Draw(rng, g.Benefit);
            income[i] = Math.Round(Math.Clamp(g.Income + (g.IncomeSd * rng.NextGaussian()), 12_000, 25_000) / 10) * 10;
            education[i] = Draw(rng, g.Education);
            housing[i] = Draw(rng, g.Housing);
            household[i] = Draw(rng, g.Household);
            var u = rng.NextDouble();
            children[i] = Math.Max(0, g.Children + (u < 0.1 ? -1 : u > 0.9 ? 1 : 0));
            youthCare[i] = Draw(rng, g.YouthCare);
            wmo[i] = Draw(rng, g.Wmo);
            age[i] = Math.Clamp(Math.Round(g.Age + (g.AgeSd * rng.NextGaussian())), 18, 95);
            migration[i] = Draw(rng, g.Migration);
        }

        var matrix = MixedDataMatrix.FromColumns(Features, [benefit, income, education, housing, household, children, youthCare, wmo, age, migration]);
        return new SyntheticDataset(matrix, groups, GroupNames);
    }

    /// <summary>The planted group sizes for a count: the pilot's proportions by largest remainder (exact for 191).</summary>
    public static int[] GroupSizes(int count)
    {
        var total = 0;
        foreach (var s in PilotGroupSizes)
        {
            total += s;
        }

        var sizes = new int[PilotGroupSizes.Count];
        var remainders = new long[PilotGroupSizes.Count];
        var assigned = 0;
        for (var g = 0; g < sizes.Length; g++)
        {
            var exact = (long)count * PilotGroupSizes[g];
            sizes[g] = (int)(exact / total);
            remainders[g] = exact % total;
            assigned += sizes[g];
        }

        while (assigned < count)
        {
            var best = 0;
            for (var g = 1; g < sizes.Length; g++)
            {
                if (remainders[g] > remainders[best])
                {
                    best = g;
                }
            }

            sizes[best]++;
            remainders[best] = -1;
            assigned++;
        }

        return sizes;
    }

    private static int Draw(DeterministicRandom rng, double[] probabilities)
    {
        var u = rng.NextDouble();
        var cumulative = 0.0;
        for (var v = 0; v < probabilities.Length - 1; v++)
        {
            cumulative += probabilities[v];
            if (u < cumulative)
            {
                return v;
            }
        }

        return probabilities.Length - 1;
    }

    private sealed record GroupSpec(
        double[] Benefit,
        double Income,
        double IncomeSd,
        double[] Education,
        double[] Housing,
        double[] Household,
        int Children,
        double[] YouthCare,
        double[] Wmo,
        double Age,
        double AgeSd,
        double[] Migration);
}
