using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using FsCheck.Fluent;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;
using ProfileInSpace = Datawijs.Domain.Explanations.PublishedProfile;

namespace Datawijs.Domain.Tests.Disclosure;

/// <summary>
/// The figures of an advice may not give away a profile's exact centre: an exact mean is a sum over the
/// profile's households divided by their number, and with it the exact size the published counts round.
/// </summary>
public sealed class PublishedAdviceTests
{
    // Ages 35.37 (single parents, rounds to 35) and 61.8 (couples, rounds to 62).
    private static ProfileSpace Space(double singleParentAge = 35.37, double singleParentIncome = 14_958.69) => ProfileSpace.Create(
        FoodBankFeatures(),
        Scales,
        0.5,
        [
            FoodBankProfile(1, 22_000, 27, 0, 30, "unemployment", "rent", "single"),
            FoodBankProfile(2, singleParentIncome, singleParentAge, 1.6, 10, "social_assistance", "rent", "single_parent"),
            FoodBankProfile(3, 30_000, 61.8, 0.4, 40, "none", "owner", "couple"),
        ]);

    /// <summary>
    /// Three probes that differ only in one numeric feature; the term of that feature is (x − c)² / sd², a
    /// quadratic in x, so three terms give its three coefficients and the centre c = −b / 2a.
    /// </summary>
    private static double Reconstruct(double[] x, double[] t)
    {
        // Newton's divided differences of the quadratic through (x, t).
        var d01 = (t[1] - t[0]) / (x[1] - x[0]);
        var d12 = (t[2] - t[1]) / (x[2] - x[1]);
        var a = (d12 - d01) / (x[2] - x[0]);
        var b = d01 - (a * (x[0] + x[1]));
        return -b / (2 * a);
    }

    private static (double[] Exact, double[] Published) ProbeAgeTerms(ProfileSpace space, double[] ages)
    {
        var exact = new double[ages.Length];
        var published = new double[ages.Length];
        for (var i = 0; i < ages.Length; i++)
        {
            var explanation = Explainer.Explain(space, Subject(income: 15_000, age: ages[i], children: 2, hours: 8)).Explanation!;
            Assert.Equal(Id(2), explanation.ProfileId);
            exact[i] = explanation.Contributions.Single(c => c.Feature == "age").Term;
            published[i] = PublishedAdvice.Of(space, explanation).Contributions.Single(c => c.Feature == "age").Term;
        }

        return (exact, published);
    }

    [Theory]
    [InlineData(30, 31, 32)] // close to the centre: small terms
    [InlineData(18, 40, 52)] // spread out
    [InlineData(18, 19, 55)] // an attacker's best: far apart, large terms, so two decimals matter least
    public void Three_probes_recover_the_exact_centre_from_exact_terms_but_only_the_published_rounding_from_returned_ones(double x0, double x1, double x2)
    {
        var ages = new[] { x0, x1, x2 };
        var (exact, published) = ProbeAgeTerms(Space(), ages);

        // The attack works: from exact terms it finds the centre (and with it the profile's exact age sum).
        Assert.Equal(35.37, Reconstruct(ages, exact), 6);

        // From what the API returns it gets no closer to the exact centre than the published rounding (35) is;
        // with probes far apart it finds that rounding, with probes close together only noise.
        var recovered = Reconstruct(ages, published);
        Assert.True(Math.Abs(recovered - 35.37) >= Math.Abs(35 - 35.37) - 0.05, $"recovered {recovered}");
    }

    [Fact]
    public void No_figure_of_an_advice_changes_when_a_centre_moves_within_its_published_rounding()
    {
        // Any number of probes of the returned figures can at best tell centres apart that round differently.
        var subject = Subject(income: 17_250, age: 41, children: 1, hours: 12);
        var baseline = Explainer.Explain(Space(), subject).Explanation!;
        var figures = PublishedAdvice.Of(Space(), baseline);

        foreach (var (age, income) in new[] { (34.5, 14_958.69), (35.49, 15_400.0), (35.0, 14_600.0), (35.2, 15_000.0) })
        {
            var space = Space(age, income);
            var moved = Explainer.Explain(space, subject).Explanation!;
            Assert.Equal(baseline.ProfileId, moved.ProfileId);
            var shifted = PublishedAdvice.Of(space, moved);

            Assert.Equal(figures.Distance, shifted.Distance);
            Assert.Equal(figures.Distances, shifted.Distances);
            Assert.Equal(figures.Margin, shifted.Margin);
            Assert.Equal(figures.RelativeMargin, shifted.RelativeMargin);
            Assert.Equal(figures.Contributions, shifted.Contributions);
        }
    }

    [Fact]
    public void Returned_figures_have_two_decimals_and_the_decisions_stay_those_of_the_exact_explanation()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var (space, subject) = FromSeed(seed);
            var explanation = Explainer.Explain(space, subject).Explanation!;
            var figures = PublishedAdvice.Of(space, explanation);

            static bool TwoDecimals(double x) => Math.Round(x, 2) == x;
            return figures.Distances.Select(d => d.ProfileId).SequenceEqual(explanation.Distances.Select(d => d.ProfileId))
                   && figures.Contributions.Select(c => c.Feature).Order().SequenceEqual(explanation.Contributions.Select(c => c.Feature).Order())
                   && figures.Contributions.Select(c => c.Term).SequenceEqual(figures.Contributions.Select(c => c.Term).OrderDescending())
                   && figures.ChangeSizes.Count == explanation.Counterfactuals.Count
                   && figures.Margin >= 0
                   && figures.RelativeMargin is >= 0 and <= 1
                   && TwoDecimals(figures.Distance) && TwoDecimals(figures.Margin) && TwoDecimals(figures.RelativeMargin)
                   && figures.Distances.All(d => TwoDecimals(d.Distance))
                   && figures.Contributions.All(c => TwoDecimals(c.Term) && TwoDecimals(c.RunnerUpTerm))
                   && figures.ChangeSizes.All(TwoDecimals)
                   && figures.Contributions.All(c => c.ProfileValue is not { IsNumeric: true } v
                                                     || v.Number == PublishedFigures.Centre(c.Feature, space.Profiles.Single(p => p.Id == explanation.ProfileId).Centroid[c.Feature].Number!.Value));
        });

        property.CheckSeeded();
    }

    [Fact]
    public void A_profiles_numeric_value_is_its_published_median_and_nothing_when_the_publication_withholds_it()
    {
        var medians = new Dictionary<string, double?> { ["income"] = 15_500, ["age"] = null };
        var profile = new ProfileInSpace(Id(2), new LocalizedText("p", "p"), new Dictionary<string, FeatureValue>(), PublishedMedians: medians);

        Assert.Equal(N(15_500), PublishedAdvice.ProfileValue(profile, "income", N(14_958.69)));
        Assert.Null(PublishedAdvice.ProfileValue(profile, "age", N(35.37)));
        Assert.Null(PublishedAdvice.ProfileValue(profile, "children", N(1.6)));
        Assert.Equal(C("rent"), PublishedAdvice.ProfileValue(profile, "housing", C("rent")));
        Assert.Equal(N(15_000), PublishedAdvice.ProfileValue(profile with { PublishedMedians = null }, "income", N(14_958.69)));
    }

    [Theory]
    [InlineData(325, 32, 30)] // 0.0985 children: the sum 32 is shown only as 30, and 0.092 is 30 / 325 at 2 significant figures
    [InlineData(30, 2, 0)] // two of thirty households with a child: the centre used is 0, as a count under 10 would be
    [InlineData(40, 13, 15)]
    public void A_centre_is_used_as_its_sum_over_the_published_households_rounded_to_five(int households, int sum, int publishedSum)
    {
        var expected = new DisclosureRules().RoundMedian("children", publishedSum / (double)households);
        Assert.Equal(expected, PublishedFigures.Centre("children", sum / (double)households, publishedHouseholds: households), 12);
    }

    [Fact]
    public void Probing_the_terms_of_a_small_mean_does_not_give_the_profiles_sum_beyond_a_multiple_of_five()
    {
        // The attack: the children term of a profile of 325 published households whose exact mean is 28 to 32 children
        // over 325 (0.086-0.098). Each exact sum is a count the publication would round to 30; so are the returned terms.
        (string Exact, string Returned) Terms(int sum)
        {
            var space = ProfileSpace.Create(
                FoodBankFeatures(),
                Scales,
                0.5,
                [
                    FoodBankProfile(1, 22_000, 27, sum / 325.0, 30, "unemployment", "rent", "single") with { PublishedHouseholds = 325 },
                    FoodBankProfile(2, 14_958.69, 35.37, 1.6, 10, "social_assistance", "rent", "single_parent") with { PublishedHouseholds = 40 },
                ]);
            var exact = new List<string>();
            var returned = new List<string>();
            foreach (var children in new[] { 0.0, 2, 5, 12 })
            {
                var explanation = Explainer.Explain(space, Subject(income: 22_000, age: 27, children: children, hours: 30, benefit: "unemployment", household: "single")).Explanation!;
                exact.Add(explanation.Contributions.Single(c => c.Feature == "children").Term.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                returned.Add(PublishedAdvice.Of(space, explanation).Contributions.Single(c => c.Feature == "children").Term.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            return (string.Join(';', exact), string.Join(';', returned));
        }

        var probes = new[] { 28, 29, 30, 31, 32 }.Select(Terms).ToList();
        Assert.Equal(5, probes.Select(p => p.Exact).Distinct().Count());
        Assert.Single(probes.Select(p => p.Returned).Distinct());
        Assert.NotEqual(probes[0].Returned, Terms(33).Returned);
    }
}
