using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;

namespace Datawijs.Domain.Tests.Explanations;

public sealed class ExplainerTests
{
    private static readonly ExplanationOptions RelativeOnly = new() { UncertainBelowAbsoluteMargin = 0 };

    /// <summary>One numeric feature "a" (mean 0, sd 1) and one categorical "b", with gamma given.</summary>
    private static ProfileSpace Tiny(double gamma, params PublishedProfile[] profiles) =>
        ProfileSpace.Create(
            [
                new FeatureDefinition("a", FeatureType.Numeric, FeatureRole.Clustering, true),
                new FeatureDefinition("b", FeatureType.Categorical, FeatureRole.Clustering, true, ["u", "v", "w"]),
            ],
            new Dictionary<string, NumericScale> { ["a"] = new(0, 1, 1) },
            gamma,
            profiles);

    private static Dictionary<string, FeatureValue> TinySubject(double a, string b) => new() { ["a"] = N(a), ["b"] = C(b) };

    private static Explanation Explained(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> subject, ExplanationOptions? options = null)
    {
        var result = Explainer.Explain(space, subject, options);
        Assert.True(result.IsValid, string.Join(", ", result.Problems));
        Assert.Empty(result.Problems);
        return result.Explanation!;
    }

    [Fact]
    public void Margin_exactly_at_the_relative_threshold_is_not_uncertain()
    {
        // d1 = 3² = 9, d2 = gamma = 10: margin 1, relative margin 1 / 10 = 0.1 exactly.
        var space = Tiny(10, Profile(1, ("a", N(0)), ("b", C("v"))), Profile(2, ("a", N(3)), ("b", C("w"))));
        var explanation = Explained(space, TinySubject(3, "v"), RelativeOnly);

        Assert.Equal(Id(1), explanation.ProfileId);
        Assert.Equal(9, explanation.Distance);
        Assert.Equal(1, explanation.Margin);
        Assert.Equal(0.1, explanation.RelativeMargin);
        Assert.False(explanation.Uncertain);
    }

    [Fact]
    public void Margin_just_below_the_relative_threshold_is_uncertain()
    {
        // d1 = 9, d2 = 9.9: relative margin 0.0909... < 0.1.
        var space = Tiny(9.9, Profile(1, ("a", N(0)), ("b", C("v"))), Profile(2, ("a", N(3)), ("b", C("w"))));
        var explanation = Explained(space, TinySubject(3, "v"), RelativeOnly);

        Assert.Equal(Id(1), explanation.ProfileId);
        Assert.True(explanation.RelativeMargin < 0.1);
        Assert.True(explanation.Uncertain);
    }

    [Fact]
    public void A_small_absolute_margin_is_uncertain_even_when_it_is_large_relatively()
    {
        // d1 = 0, d2 = gamma = 0.05: relative margin 1, absolute margin 0.05 < default 0.1.
        var space = Tiny(0.05, Profile(1, ("a", N(3)), ("b", C("v"))), Profile(2, ("a", N(3)), ("b", C("w"))));
        var explanation = Explained(space, TinySubject(3, "v"));

        Assert.Equal(1, explanation.RelativeMargin);
        Assert.Equal(0.05, explanation.Margin);
        Assert.True(explanation.Uncertain);

        var atThreshold = Explained(space, TinySubject(3, "v"), new ExplanationOptions { UncertainBelowAbsoluteMargin = 0.05 });
        Assert.False(atThreshold.Uncertain);
    }

    [Fact]
    public void Exact_ties_go_to_the_profile_published_first_and_are_uncertain()
    {
        var first = Profile(1, ("a", N(1)), ("b", C("v")));
        var second = Profile(2, ("a", N(-1)), ("b", C("v")));

        var forward = Explained(Tiny(1, first, second), TinySubject(0, "v"));
        var backward = Explained(Tiny(1, second, first), TinySubject(0, "v"));

        Assert.Equal(Id(1), forward.ProfileId);
        Assert.Equal(Id(2), forward.RunnerUpProfileId);
        Assert.Equal(Id(2), backward.ProfileId);
        Assert.Equal(0, forward.Margin);
        Assert.Equal(0, forward.RelativeMargin);
        Assert.True(forward.Uncertain);
        Assert.Equal([Id(1), Id(2)], forward.Distances.Select(d => d.ProfileId));

        var noThresholds = new ExplanationOptions { UncertainBelowAbsoluteMargin = 0, UncertainBelowRelativeMargin = 0 };
        Assert.True(Explained(Tiny(1, first, second), TinySubject(0, "v"), noThresholds).Uncertain);
    }

    [Fact]
    public void Explaining_the_same_subject_twice_gives_the_same_explanation()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var (space, subject) = FromSeed(seed);
            var one = Explainer.Explain(space, subject).Explanation!;
            var two = Explainer.Explain(space, subject).Explanation!;
            Assert.Equal(one.ProfileId, two.ProfileId);
            Assert.Equal(one.Distances, two.Distances);
            Assert.Equal(one.Contributions, two.Contributions);
            Assert.Equal(one.Counterfactuals.Count, two.Counterfactuals.Count);
            for (var i = 0; i < one.Counterfactuals.Count; i++)
            {
                Assert.Equal(one.Counterfactuals[i].Changes, two.Counterfactuals[i].Changes);
            }
        }
    }

    [Fact]
    public void Contributions_are_listed_largest_first_with_subject_and_profile_values()
    {
        var space = ProfileSpace.Create(
            FoodBankFeatures(),
            Scales,
            0.5,
            [
                FoodBankProfile(1, 16_000, 31, 2, 8, "social_assistance", "rent_allowance", "single_parent"),
                FoodBankProfile(2, 24_000, 52, 0, 30, "none", "owner", "couple"),
            ]);
        var explanation = Explained(space, Subject());

        Assert.Equal(7, explanation.Contributions.Count);
        for (var i = 1; i < explanation.Contributions.Count; i++)
        {
            Assert.True(explanation.Contributions[i - 1].Term >= explanation.Contributions[i].Term);
        }

        var housing = explanation.Contributions.Single(c => c.Feature == "housing");
        Assert.Equal(0.5, housing.Term);
        Assert.Equal(C("rent"), housing.SubjectValue);
        Assert.Equal(C("rent_allowance"), housing.ProfileValue);
        Assert.Equal(0.5, housing.RunnerUpTerm);

        var income = explanation.Contributions.Single(c => c.Feature == "income");
        Assert.Equal(N(16_500), income.SubjectValue);
        Assert.Equal(N(16_000), income.ProfileValue);
        Assert.Equal(Math.Pow((-1_500.0 / 4_000) - (-2_000.0 / 4_000), 2), income.Term, 1e-15);

        Assert.DoesNotContain(explanation.Contributions, c => c.Feature is "education" or "migration_background");
    }

    [Fact]
    public void Validation_lists_missing_unknown_bad_category_wrong_type_and_out_of_range_all_at_once()
    {
        var space = ProfileSpace.Create(
            FoodBankFeatures(),
            Scales,
            0.5,
            [
                FoodBankProfile(1, 16_000, 31, 2, 8, "social_assistance", "rent_allowance", "single_parent"),
                FoodBankProfile(2, 24_000, 52, 0, 30, "none", "owner", "couple"),
            ]);
        var subject = Subject(age: 150, children: double.NaN, benefit: "lottery");
        subject.Remove("income");
        subject["housing"] = N(2);
        subject["shoe_size"] = N(44);
        subject["client_number"] = C("123");
        subject["migration_background"] = C("none");
        subject["education"] = C("university");

        var result = Explainer.Explain(space, subject);

        Assert.False(result.IsValid);
        Assert.Null(result.Explanation);
        Assert.Equal(
            [
                ("income", FeatureProblemCodes.Missing),
                ("age", FeatureProblemCodes.OutOfRange),
                ("children", FeatureProblemCodes.NotANumber),
                ("benefit", FeatureProblemCodes.NotAllowed),
                ("housing", FeatureProblemCodes.WrongType),
                ("education", FeatureProblemCodes.NotAllowed),
                ("migration_background", FeatureProblemCodes.Protected),
                ("client_number", FeatureProblemCodes.Unknown),
                ("shoe_size", FeatureProblemCodes.Unknown),
            ],
            result.Problems.Select(p => (p.Name, p.Code)));
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        // An unknown name comes with the names that may be sent; a protected feature is never among them.
        var unknown = result.Problems.First(p => p.Code == FeatureProblemCodes.Unknown).Reason;
        Assert.Contains("Declared: ", unknown, StringComparison.Ordinal);
        Assert.Contains("income", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("migration_background", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptive_features_may_be_sent_but_never_change_the_advice()
    {
        var space = ProfileSpace.Create(
            FoodBankFeatures(),
            Scales,
            0.5,
            [
                FoodBankProfile(1, 16_000, 31, 2, 8, "social_assistance", "rent_allowance", "single_parent"),
                FoodBankProfile(2, 24_000, 52, 0, 30, "none", "owner", "couple"),
            ]);
        var low = Subject();
        low["education"] = C("low");
        var high = Subject();
        high["education"] = C("high");

        Assert.Equal(Explained(space, low).Distances, Explained(space, high).Distances);
    }

    [Fact]
    public void A_space_that_does_not_fit_its_features_is_rejected_with_every_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => ProfileSpace.Create(
            FoodBankFeatures(),
            new Dictionary<string, NumericScale> { ["income"] = new(18_000, 0) },
            -1,
            [Profile(1, ("income", N(1)))]));

        Assert.Contains("gamma", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least two profiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("'age' has no mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("no centroid value for 'benefit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fraction_for_a_whole_number_feature_is_refused_and_a_whole_one_written_with_a_point_is_not()
    {
        var features = FoodBankFeatures().Select(f => f.Name is "children" or "work_hours" ? f with { WholeNumber = true } : f).ToList();
        // Without a declared step work_hours would move in tenths of its standard deviation (0.3 hours).
        var scales = new Dictionary<string, NumericScale>(Scales) { ["work_hours"] = new NumericScale(12, 3) };
        var space = ProfileSpace.Create(
            features,
            scales,
            0.5,
            [
                FoodBankProfile(1, 16_000, 31, 2, 8, "social_assistance", "rent_allowance", "single_parent"),
                FoodBankProfile(2, 24_000, 52, 0, 30.5, "none", "owner", "couple"), // a median may be a half
            ]);

        var half = Explainer.Explain(space, Subject(children: 0.5, income: 16_500.5));
        var whole = Explainer.Explain(space, Subject(children: 2.0));

        // Only the declared whole number is refused; income takes any number.
        Assert.Equal([("children", FeatureProblemCodes.NotAWholeNumber)], half.Problems.Select(p => (p.Name, p.Code)));
        Assert.True(whole.IsValid);
        // A counterfactual never suggests part of an hour for a whole-number feature.
        var hours = whole.Explanation!.Counterfactuals.SelectMany(c => c.Changes).Where(c => c.Feature == "work_hours").ToList();
        Assert.NotEmpty(hours);
        Assert.All(hours, c => Assert.Equal(Math.Floor(c.To.Number!.Value), c.To.Number!.Value));
    }

    [Fact]
    public void An_explanation_serialises_to_json_without_special_numbers()
    {
        // System.Text.Json refuses NaN by default; a categorical value must not carry one.
        var (space, subject) = FromSeed(7);
        var explanation = Explainer.Explain(space, subject).Explanation!;

        var json = System.Text.Json.JsonSerializer.Serialize(explanation);

        Assert.Contains("\"Contributions\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonsensical_options_are_a_programming_error_not_a_subject_problem()
    {
        var (space, subject) = FromSeed(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Explainer.Explain(space, subject, new ExplanationOptions { MaxChangedFeatures = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explainer.Explain(space, subject, new ExplanationOptions { UncertainBelowRelativeMargin = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explainer.Explain(space, subject, new ExplanationOptions { MaxCounterfactuals = -1 }));
    }

    [Theory]
    [InlineData(4_000, 200)]
    [InlineData(1.2, 0.1)]
    [InlineData(12, 1)]
    [InlineData(30, 2)]
    [InlineData(55, 5)]
    public void Default_step_is_a_one_two_five_number_of_at_most_a_tenth_of_the_sd(double sd, double step) =>
        Assert.Equal(step, ProfileSpace.DefaultStep(sd), 1e-12);
}
