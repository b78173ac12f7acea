using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;

namespace Datawijs.Domain.Tests.Explanations;

/// <summary>Profile spaces for tests, and a reference distance written straight from the k-prototypes definition.</summary>
internal static class TestSpaces
{
    public static readonly string[] Benefits = ["none", "unemployment", "social_assistance", "disability"];
    public static readonly string[] Housings = ["owner", "rent", "rent_allowance"];
    public static readonly string[] Households = ["couple", "single", "single_parent"];
    public static readonly string[] Educations = ["low", "middle", "high"];
    public static readonly string[] Migrations = ["none", "first_generation", "second_generation"];

    public static readonly Dictionary<string, NumericScale> Scales = new()
    {
        ["income"] = new NumericScale(18_000, 4_000, 100),
        ["age"] = new NumericScale(40, 12, 1),
        ["children"] = new NumericScale(1.5, 1.2, 1),
        ["work_hours"] = new NumericScale(12, 10, 1),
    };

    public static FeatureValue N(double value) => FeatureValue.FromNumber(value);

    public static FeatureValue C(string value) => FeatureValue.FromCategory(value);

    public static Guid Id(int n) => new($"00000000-0000-7000-8000-{n:D12}");

    public static PublishedProfile Profile(int n, params (string Feature, FeatureValue Value)[] centroid)
    {
        var values = new Dictionary<string, FeatureValue>();
        foreach (var (feature, value) in centroid)
        {
            values[feature] = value;
        }

        return new PublishedProfile(Id(n), new LocalizedText($"Profiel {n}", $"Profile {n}"), values);
    }

    public static List<FeatureDefinition> FoodBankFeatures(
        bool incomeMutable = true,
        bool hoursMutable = true,
        bool benefitMutable = true,
        bool housingMutable = true,
        double hoursMax = 40) =>
    [
        new("income", FeatureType.Numeric, FeatureRole.Clustering, incomeMutable, Min: 0, Max: 100_000),
        new("age", FeatureType.Numeric, FeatureRole.Clustering, false, Min: 18, Max: 100),
        new("children", FeatureType.Numeric, FeatureRole.Clustering, false, Min: 0, Max: 12),
        new("work_hours", FeatureType.Numeric, FeatureRole.Clustering, hoursMutable, Min: 0, Max: hoursMax),
        new("benefit", FeatureType.Categorical, FeatureRole.Clustering, benefitMutable, Benefits),
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, housingMutable, Housings),
        new("household", FeatureType.Categorical, FeatureRole.Clustering, false, Households),
        new("education", FeatureType.Categorical, FeatureRole.Descriptive, true, Educations),
        new("migration_background", FeatureType.Categorical, FeatureRole.Protected, true, Migrations),
    ];

    public static Dictionary<string, FeatureValue> Subject(
        double income = 16_500,
        double age = 35,
        double children = 1,
        double hours = 10,
        string benefit = "social_assistance",
        string housing = "rent",
        string household = "single_parent") => new()
    {
        ["income"] = N(income),
        ["age"] = N(age),
        ["children"] = N(children),
        ["work_hours"] = N(hours),
        ["benefit"] = C(benefit),
        ["housing"] = C(housing),
        ["household"] = C(household),
    };

    public static PublishedProfile FoodBankProfile(
        int n,
        double income,
        double age,
        double children,
        double hours,
        string benefit,
        string housing,
        string household) =>
        Profile(
            n,
            ("income", N(income)),
            ("age", N(age)),
            ("children", N(children)),
            ("work_hours", N(hours)),
            ("benefit", C(benefit)),
            ("housing", C(housing)),
            ("household", C(household)));

    /// <summary>
    /// A random but valid space and subject from a seed: 2 to 8 profiles, random mutability,
    /// random gamma, centroids sometimes outside the declared range of a mutable feature.
    /// </summary>
    public static (ProfileSpace Space, Dictionary<string, FeatureValue> Subject) FromSeed(int seed)
    {
        var rng = new Random(seed);
        var features = FoodBankFeatures(
            incomeMutable: rng.Next(4) > 0,
            hoursMutable: rng.Next(2) == 0,
            benefitMutable: rng.Next(2) == 0,
            housingMutable: rng.Next(2) == 0);
        var profiles = new List<PublishedProfile>();
        var count = rng.Next(2, 9);
        for (var n = 1; n <= count; n++)
        {
            profiles.Add(FoodBankProfile(
                n,
                rng.Next(100, 350) * 100 + rng.Next(100),
                20 + (rng.NextDouble() * 50),
                Math.Round(rng.NextDouble() * 4, 1),
                rng.Next(0, 50),
                Benefits[rng.Next(Benefits.Length)],
                Housings[rng.Next(Housings.Length)],
                Households[rng.Next(Households.Length)]));
        }

        var space = ProfileSpace.Create(features, Scales, 0.2 + rng.NextDouble(), profiles);
        var subject = Subject(
            rng.Next(0, 500) * 100 + rng.Next(100),
            rng.Next(18, 91),
            rng.Next(0, 7),
            rng.Next(0, 41),
            Benefits[rng.Next(Benefits.Length)],
            Housings[rng.Next(Housings.Length)],
            Households[rng.Next(Households.Length)]);
        subject["education"] = C(Educations[rng.Next(Educations.Length)]);
        return (space, subject);
    }

    /// <summary>The k-prototypes distance exactly as src/Datawijs.Domain/Clustering/README.md defines it, independent of the engine.</summary>
    public static double ReferenceDistance(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> subject, PublishedProfile profile)
    {
        var sum = 0.0;
        foreach (var f in space.Features)
        {
            if (f.Role != FeatureRole.Clustering)
            {
                continue;
            }

            var x = subject[f.Name];
            var c = profile.Centroid[f.Name];
            if (f.Type == FeatureType.Numeric)
            {
                var s = space.Scales[f.Name];
                var diff = ((x.Number!.Value - s.Mean) / s.StandardDeviation) - ((c.Number!.Value - s.Mean) / s.StandardDeviation);
                sum += diff * diff;
            }
            else if (x.Category != c.Category)
            {
                sum += space.Gamma;
            }
        }

        return sum;
    }

    public static Dictionary<string, FeatureValue> Apply(IReadOnlyDictionary<string, FeatureValue> subject, Counterfactual counterfactual)
    {
        var changed = new Dictionary<string, FeatureValue>(subject);
        foreach (var change in counterfactual.Changes)
        {
            changed[change.Feature] = change.To;
        }

        return changed;
    }
}
