using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;

namespace Datawijs.Domain.Tests.Explanations;

public sealed class CounterfactualTests
{
    private static Explanation Explained(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> subject, ExplanationOptions? options = null)
    {
        var result = Explainer.Explain(space, subject, options);
        Assert.True(result.IsValid, string.Join(", ", result.Problems));
        return result.Explanation!;
    }

    private static ProfileSpace Space(List<FeatureDefinition> features, params PublishedProfile[] profiles) =>
        ProfileSpace.Create(features, Scales, 0.5, profiles);

    [Fact]
    public void Counterfactual_is_omitted_when_only_immutable_features_differ_from_the_other_profile()
    {
        // The runner-up has the subject's own income, hours, benefit and housing; it differs
        // only in age, children and household, which the subject cannot change.
        var space = Space(
            FoodBankFeatures(),
            FoodBankProfile(1, 20_000, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 16_500, 70, 4, 10, "social_assistance", "rent", "couple"));

        var explanation = Explained(space, Subject());

        Assert.Equal(Id(1), explanation.ProfileId);
        Assert.Empty(explanation.Counterfactuals);
    }

    [Fact]
    public void Counterfactual_never_suggests_an_immutable_feature_even_when_that_alone_would_flip()
    {
        // Household and age (immutable) would each flip it alone; income (mutable) must do it instead.
        // d1 = 1 (age), d2 = 1 (income) + 0.5 (household). Income flips past 17,500 (a tie).
        var space = Space(
            FoodBankFeatures(),
            FoodBankProfile(1, 16_500, 47, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 20_500, 35, 1, 10, "social_assistance", "rent", "couple"));
        var withOtherHousehold = Subject(household: "couple");
        Assert.Equal(Id(2), Explained(space, withOtherHousehold).ProfileId);

        var counterfactual = Assert.Single(Explained(space, Subject()).Counterfactuals);

        var change = Assert.Single(counterfactual.Changes);
        Assert.Equal(new FeatureChange("income", N(16_500), N(17_600)), change);
    }

    [Fact]
    public void Numeric_counterfactual_is_the_first_rounded_step_that_strictly_flips()
    {
        // Income only differs: 16,000 vs 20,000 around mean 18,000. At 18,000 the distances tie,
        // so the smallest strict flip on the 100-euro step is 18,100.
        var space = Space(
            FoodBankFeatures(),
            FoodBankProfile(1, 16_000, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 20_000, 35, 1, 10, "social_assistance", "rent", "single_parent"));

        var counterfactual = Assert.Single(Explained(space, Subject(income: 16_550)).Counterfactuals);

        Assert.Equal(Id(2), counterfactual.ProfileId);
        var change = Assert.Single(counterfactual.Changes);
        Assert.Equal(new FeatureChange("income", N(16_550), N(18_100)), change);
        Assert.Equal(Id(1), Explained(space, Subject(income: 18_000)).ProfileId);
        Assert.Equal(Id(2), Explained(space, Subject(income: 18_100)).ProfileId);
    }

    [Fact]
    public void Counterfactual_stays_within_the_declared_maximum()
    {
        // Work hours: the other profile's centre (60) lies above the declared maximum (40).
        // The tie is at 35 hours, so 36 is the suggestion, well within the maximum.
        var space = Space(
            FoodBankFeatures(incomeMutable: false, benefitMutable: false, housingMutable: false, hoursMax: 40),
            FoodBankProfile(1, 16_500, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 16_500, 35, 1, 60, "social_assistance", "rent", "single_parent"));

        var change = Assert.Single(Assert.Single(Explained(space, Subject()).Counterfactuals).Changes);

        Assert.Equal("work_hours", change.Feature);
        Assert.Equal(36, change.To.Number!.Value);
    }

    [Fact]
    public void Counterfactual_is_omitted_when_the_flip_needs_a_value_beyond_the_declared_maximum()
    {
        // Same as above, but now at most 30 hours are possible while the flip needs more than 35.
        var space = Space(
            FoodBankFeatures(incomeMutable: false, benefitMutable: false, housingMutable: false, hoursMax: 30),
            FoodBankProfile(1, 16_500, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 16_500, 35, 1, 60, "social_assistance", "rent", "single_parent"));

        Assert.Empty(Explained(space, Subject()).Counterfactuals);
    }

    [Fact]
    public void Counterfactual_stays_within_the_declared_minimum()
    {
        // Moving down toward a centre of -10 hours (below the minimum 0): the tie is at 10, so 9.
        var features = FoodBankFeatures(incomeMutable: false, benefitMutable: false, housingMutable: false);
        var space = Space(
            features,
            FoodBankProfile(1, 16_500, 35, 1, 30, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 16_500, 35, 1, -10, "social_assistance", "rent", "single_parent"));

        var change = Assert.Single(Assert.Single(Explained(space, Subject(hours: 22)).Counterfactuals).Changes);
        Assert.Equal(new FeatureChange("work_hours", N(22), N(9)), change);

        // With a centre of -30 the tie is at 0 hours, and below 0 is not possible: no counterfactual.
        var unreachable = Space(
            features,
            FoodBankProfile(1, 16_500, 35, 1, 30, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 16_500, 35, 1, -30, "social_assistance", "rent", "single_parent"));
        Assert.Empty(Explained(unreachable, Subject(hours: 22)).Counterfactuals);
    }

    [Fact]
    public void Counterfactual_prefers_one_changed_feature_over_two_with_a_smaller_total_change()
    {
        // Income alone must move 1.25 sd (size 1.5625); income and hours together only 1 and 0.5 sd
        // (size 1.25). Fewest features first: income alone, past the tie at 21,500.
        var space = Space(
            FoodBankFeatures(benefitMutable: false, housingMutable: false),
            FoodBankProfile(1, 16_500, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 24_500, 35, 1, 20, "social_assistance", "rent", "single_parent"));

        var counterfactual = Assert.Single(Explained(space, Subject()).Counterfactuals);

        var change = Assert.Single(counterfactual.Changes);
        Assert.Equal(new FeatureChange("income", N(16_500), N(21_600)), change);
        var both = Subject(income: 20_600, hours: 15);
        Assert.Equal(Id(2), Explained(space, both).ProfileId);
    }

    [Fact]
    public void Among_equally_many_changes_the_smallest_change_wins()
    {
        // Both profiles differ from the subject in housing. Switching housing to "owner" (size 0.5)
        // and moving income past the tie at 17,000 (size 0.0025) both flip it alone; income wins.
        var space = Space(
            FoodBankFeatures(hoursMutable: false),
            FoodBankProfile(1, 16_500, 35, 1, 10, "social_assistance", "rent_allowance", "single_parent"),
            FoodBankProfile(2, 17_500, 35, 1, 10, "social_assistance", "owner", "single_parent"));
        Assert.Equal(Id(2), Explained(space, Subject(income: 16_900, housing: "owner")).ProfileId);

        var counterfactual = Assert.Single(Explained(space, Subject(income: 16_900)).Counterfactuals);

        var change = Assert.Single(counterfactual.Changes);
        Assert.Equal(new FeatureChange("income", N(16_900), N(17_100)), change);
        Assert.Equal(0.0025, counterfactual.ChangeSize, 1e-12);
    }

    [Fact]
    public void Among_equally_many_changes_the_smallest_wins_even_when_its_feature_is_declared_later()
    {
        // Age (immutable) puts the subject at distance 2.5 from profile 1. Income alone flips it
        // at 18,000 (size 0.14); work hours alone at 13 (size 0.09). Hours come later but win.
        var space = Space(
            FoodBankFeatures(benefitMutable: false, housingMutable: false),
            FoodBankProfile(1, 16_500, 54, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 20_500, 35, 1, 25, "social_assistance", "rent", "single_parent"));
        Assert.Equal(Id(2), Explained(space, Subject(income: 18_000)).ProfileId);

        var counterfactual = Assert.Single(Explained(space, Subject()).Counterfactuals);

        var change = Assert.Single(counterfactual.Changes);
        Assert.Equal(new FeatureChange("work_hours", N(10), N(13)), change);
    }

    [Fact]
    public void Counterfactuals_are_given_for_the_nearest_other_profiles_up_to_the_option()
    {
        var space = Space(
            FoodBankFeatures(),
            FoodBankProfile(1, 16_000, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(2, 19_000, 35, 1, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(3, 22_000, 35, 1, 10, "unemployment", "rent", "single_parent"),
            FoodBankProfile(4, 25_000, 35, 1, 10, "none", "owner", "single_parent"));

        var explanation = Explained(space, Subject(), new ExplanationOptions { MaxCounterfactuals = 2 });
        var none = Explained(space, Subject(), new ExplanationOptions { MaxCounterfactuals = 0 });

        Assert.Equal([Id(2), Id(3)], explanation.Counterfactuals.Select(c => c.ProfileId));
        Assert.Equal(explanation.Distances[1].ProfileId, explanation.Counterfactuals[0].ProfileId);
        Assert.Empty(none.Counterfactuals);
    }
}
