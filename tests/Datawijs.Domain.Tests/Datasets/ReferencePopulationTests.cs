using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Synthetic;
using Datawijs.Domain.Tests.Disclosure;

namespace Datawijs.Domain.Tests.Datasets;

public sealed class ReferencePopulationTests
{
    private const int Year = 2026;

    private static readonly IReadOnlyList<FeatureDefinition> Features = FoodBankHouseholds.Features;

    private static ReferencePopulation Demo() => FoodBankResidents.Generate(1000, Year - 1);

    private static ReferencePopulation WithCategorical(ReferencePopulation reference, string feature, IReadOnlyDictionary<string, int> counts) =>
        reference with { Categorical = new Dictionary<string, IReadOnlyDictionary<string, int>>(reference.Categorical) { [feature] = counts } };

    private static ReferencePopulation WithBands(ReferencePopulation reference, string feature, params ReferenceBand[] bands) =>
        reference with { Numeric = new Dictionary<string, IReadOnlyList<ReferenceBand>>(reference.Numeric) { [feature] = bands } };

    private static IReadOnlyList<ReferenceProblem> Validate(ReferencePopulation reference, long records = 1000) =>
        ReferencePopulations.Validate(reference, Features, records, Year);

    [Fact]
    public void The_demo_residents_keep_the_pilots_share_and_are_valid_for_the_demo_dataset()
    {
        var residents = Demo();

        Assert.Equal(59_403, residents.Households);
        Assert.Equal(1.7, ReferencePopulations.ClientSharePercent(1000, residents));
        Assert.Equal(1.7, Math.Round(100.0 * FoodBankResidents.PilotClients / FoodBankResidents.PilotHouseholds, 1));
        Assert.All(residents.Categorical.Values, counts => Assert.Equal(residents.Households, counts.Values.Sum()));
        Assert.Empty(Validate(residents));
    }

    [Fact]
    public void An_undeclared_feature_is_refused_by_name()
    {
        var problems = Validate(WithCategorical(Demo(), "pets", new Dictionary<string, int> { ["cat"] = 3 }));

        var problem = Assert.Single(problems);
        Assert.Equal(("categorical.pets", "reference-feature-unknown"), (problem.Field, problem.Code));
    }

    [Fact]
    public void A_protected_feature_is_never_compared_with_residents()
    {
        var problems = Validate(WithCategorical(Demo(), "migrationBackground", new Dictionary<string, int> { ["dutch"] = 40_000, ["western"] = 9_000, ["nonWestern"] = 10_000 }));

        var problem = Assert.Single(problems);
        Assert.Equal(("categorical.migrationBackground", "reference-feature-not-allowed"), (problem.Field, problem.Code));
    }

    [Fact]
    public void An_outcome_feature_is_never_compared_with_residents()
    {
        FeatureDefinition[] features =
        [
            new("months", FeatureType.Numeric, FeatureRole.Duration, false, Min: 0, Max: 600, DurationUnit: DurationUnit.Months),
            new("left", FeatureType.Categorical, FeatureRole.Event, false, Values: ["yes", "no"], EventValue: "yes"),
        ];
        var reference = new ReferencePopulation("test", 2025, 100,
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["left"] = new Dictionary<string, int> { ["yes"] = 50, ["no"] = 50 } },
            new Dictionary<string, IReadOnlyList<ReferenceBand>> { ["months"] = [new(0, 600, 100)] });

        var problems = ReferencePopulations.Validate(reference, features, 10, Year);

        Assert.Equal(["categorical.left", "numeric.months"], problems.Select(p => p.Field).Order());
        Assert.All(problems, p => Assert.Equal("reference-feature-not-allowed", p.Code));
    }

    [Fact]
    public void Every_declared_value_needs_a_count_and_no_other_value_is_taken()
    {
        var problems = Validate(WithCategorical(Demo(), "housing", new Dictionary<string, int> { ["owner"] = 30_000, ["rentWithAllowance"] = 8_000, ["caravan"] = 10 }));

        Assert.Contains(problems, p => p is { Field: "categorical.housing.rent", Code: "reference-value-missing" });
        Assert.Contains(problems, p => p is { Field: "categorical.housing.caravan", Code: "reference-value-unknown" });
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Counts_cannot_be_negative()
    {
        var problems = Validate(WithCategorical(Demo(), "youthCare", new Dictionary<string, int> { ["no"] = 50_000, ["yes"] = -1 }));

        var problem = Assert.Single(problems);
        Assert.Equal(("categorical.youthCare.yes", "reference-count-negative"), (problem.Field, problem.Code));
    }

    [Fact]
    public void Counts_of_a_feature_may_leave_households_unknown_but_never_add_up_to_more_than_all_households()
    {
        var reference = Demo();
        var fewer = WithCategorical(reference, "youthCare", new Dictionary<string, int> { ["no"] = 50_000, ["yes"] = 2_000 });
        var more = WithCategorical(reference, "youthCare", new Dictionary<string, int> { ["no"] = 58_000, ["yes"] = 2_000 });

        Assert.Empty(Validate(fewer));
        var problem = Assert.Single(Validate(more));
        Assert.Equal(("categorical.youthCare", "reference-total-too-large"), (problem.Field, problem.Code));
    }

    [Fact]
    public void All_households_cannot_be_fewer_than_the_datasets_records()
    {
        var problem = Assert.Single(Validate(Demo() with { Households = 59_403 }, records: 59_404));

        Assert.Equal(("households", "reference-households-too-few"), (problem.Field, problem.Code));
        Assert.Empty(Validate(Demo(), records: 59_403));
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(Year + 1)]
    public void The_year_lies_from_1990_up_to_this_year(int year)
    {
        var problem = Assert.Single(Validate(Demo() with { Year = year }));

        Assert.Equal(("year", "reference-year-out-of-range"), (problem.Field, problem.Code));
    }

    [Fact]
    public void Bands_that_overlap_or_leave_a_gap_are_refused_where_it_happens()
    {
        var overlap = Validate(WithBands(Demo(), "children", new(0, 2, 40_000), new(1, 15, 10_000)));
        var gap = Validate(WithBands(Demo(), "children", new(0, 1, 40_000), new(2, 15, 10_000)));

        Assert.Equal(("numeric.children[1].min", "reference-bands-overlap"), (Assert.Single(overlap).Field, overlap[0].Code));
        Assert.Equal(("numeric.children[1].min", "reference-bands-gap"), (Assert.Single(gap).Field, gap[0].Code));
    }

    [Fact]
    public void Bands_must_cover_the_declared_range_and_be_wider_than_nothing()
    {
        // children is declared from 0 to 15.
        var problems = Validate(WithBands(Demo(), "children", new(1, 3, 40_000), new(3, 3, 0), new(3, 10, 5_000)));

        Assert.Contains(problems, p => p is { Field: "numeric.children[0].min", Code: "reference-bands-range" });
        Assert.Contains(problems, p => p is { Field: "numeric.children[2].max", Code: "reference-bands-range" });
        Assert.Contains(problems, p => p is { Field: "numeric.children[1].max", Code: "reference-band-empty" });
    }

    [Fact]
    public void A_categorical_feature_given_as_bands_and_a_numeric_one_given_as_values_are_refused()
    {
        var problems = Validate(WithBands(WithCategorical(Demo(), "age", new Dictionary<string, int> { ["old"] = 1 }), "housing", new ReferenceBand(0, 1, 1)));

        Assert.Contains(problems, p => p is { Field: "categorical.age", Code: "reference-feature-type" });
        Assert.Contains(problems, p => p is { Field: "numeric.housing", Code: "reference-feature-type" });
    }

    // One feature "benefit" (values a, b, c) in the fixture; 300 households in three profiles.
    private static readonly string[] Abc = ["a", "b", "c"];

    private static ReferencePopulation Residents(int a, int b, int c) =>
        new("test", 2025, a + b + c,
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["benefit"] = new Dictionary<string, int> { ["a"] = a, ["b"] = b, ["c"] = c } },
            new Dictionary<string, IReadOnlyList<ReferenceBand>>());

    [Fact]
    public void A_value_rare_among_residents_is_highlighted_with_the_lift_of_the_rule_against_the_rest_of_the_file()
    {
        // Profile 0: b = 40 of 100. In the file b is common (40 + 35 + 35 of 300): no highlight against the file.
        // Among 10,000 residents b is 5 %: highlighted against residents, lift 0.4 / 0.05 = 8.
        var published = DisclosureGate.Apply(ProfileFixtures.Describe(Abc, [[30, 40, 30], [30, 35, 35], [30, 35, 35]])).ProfileSet!;
        var profile = published.Profiles[0];
        var residents = Residents(6_000, 500, 3_500);

        var highlights = ReferencePopulations.MoreFrequentThanAmongResidents(profile, residents);

        Assert.DoesNotContain(profile.RelativelyMoreFrequent, h => h.Value == "b");
        var b = Assert.Single(highlights);
        Assert.Equal(("benefit", "b"), (b.Feature, b.Value));
        Assert.Equal(PublishedFigures.Lift(40, 100, 500, 10_000), b.Lift);
        Assert.Equal(8.0, b.Lift);
    }

    [Fact]
    public void The_residents_highlight_follows_the_published_rule_exactly()
    {
        // Same lift-and-test rule, decided for every cell by PublishedFigures.RelativelyMoreFrequent on the published counts.
        var published = DisclosureGate.Apply(ProfileFixtures.Describe(Abc, [[20, 60, 20], [40, 30, 30], [50, 25, 25]])).ProfileSet!;
        foreach (var residents in new[] { Residents(400, 300, 300), Residents(3_000, 4_000, 3_000), Residents(100, 40, 60) })
        {
            foreach (var profile in published.Profiles)
            {
                var expected = profile.Categorical[0].Cells
                    .Where(c => c is { Suppressed: false, Households: not null, Value: not null }
                        && PublishedFigures.RelativelyMoreFrequent(c.Households, profile.Households, residents.Categorical["benefit"][c.Value!], residents.Households))
                    .Select(c => c.Value!)
                    .ToHashSet();

                var actual = ReferencePopulations.MoreFrequentThanAmongResidents(profile, residents).Select(h => h.Value).ToHashSet();

                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void A_suppressed_count_is_never_highlighted_against_residents()
    {
        // Profile 0 has c = 5 (below the minimum): suppressed, and far more frequent than among residents (0.1 %).
        var published = DisclosureGate.Apply(ProfileFixtures.Describe(Abc, [[50, 45, 5], [60, 40, 30], [60, 40, 30]])).ProfileSet!;
        var profile = published.Profiles[0];
        Assert.True(profile.Categorical[0].Cells[2].Suppressed);

        var highlights = ReferencePopulations.MoreFrequentThanAmongResidents(profile, Residents(5_000, 4_990, 10));

        Assert.DoesNotContain(highlights, h => h.Value == "c");
    }

    [Fact]
    public void Without_counts_for_a_feature_nothing_is_said_about_it()
    {
        var published = DisclosureGate.Apply(ProfileFixtures.Describe(Abc, [[30, 40, 30], [30, 35, 35], [30, 35, 35]])).ProfileSet!;
        var none = new ReferencePopulation("test", 2025, 10_000, new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, IReadOnlyList<ReferenceBand>>());

        Assert.Empty(ReferencePopulations.MoreFrequentThanAmongResidents(published.Profiles[0], none));
    }
}
