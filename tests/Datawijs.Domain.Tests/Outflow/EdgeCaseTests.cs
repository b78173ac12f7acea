using Datawijs.Domain.Outflow;

namespace Datawijs.Domain.Tests.Outflow;

public sealed class EdgeCaseTests
{
    [Fact]
    public void A_group_where_everyone_is_still_in_has_a_flat_curve_at_one_and_no_median()
    {
        var data = SurvivalData.Create([3, 5, 5, 8], [false, false, false, false]);

        var curve = Assert.Single(KaplanMeier.Fit(data));

        Assert.Equal([3.0, 5, 8], curve.Times);
        Assert.All(curve.Survival, s => Assert.Equal(1, s));
        Assert.All(curve.Lower, s => Assert.Equal(1, s));
        Assert.All(curve.Upper, s => Assert.Equal(1, s));
        Assert.Equal(0, curve.Events);
        Assert.Null(curve.Median);
        Assert.Null(curve.MedianLower);
        Assert.Null(curve.MedianUpper);
        Assert.Null(LogRank.Test(data));
    }

    [Fact]
    public void Without_censoring_the_curve_reaches_zero_where_the_interval_is_not_defined()
    {
        var curve = Assert.Single(KaplanMeier.Fit(SurvivalData.Create([1, 2, 2, 4], [true, true, true, true])));

        Assert.Equal([0.75, 0.25, 0], curve.Survival);
        Assert.Equal([4, 3, 1], curve.AtRisk);
        Assert.Equal(double.PositiveInfinity, curve.StandardError[^1]);
        Assert.True(double.IsNaN(curve.Lower[^1]) && double.IsNaN(curve.Upper[^1]));
        Assert.Equal(2, curve.Median);
    }

    [Fact]
    public void Tied_durations_give_one_point_with_all_their_events_and_censorings()
    {
        // At t = 2: 4 at risk, 2 left, 1 censored. S = 3/4 after t = 1, then 3/4 * 2/4.
        var curve = Assert.Single(KaplanMeier.Fit(SurvivalData.Create([1, 2, 2, 2, 5], [true, true, false, true, false])));

        Assert.Equal([1.0, 2, 5], curve.Times);
        Assert.Equal([5, 4, 1], curve.AtRisk);
        Assert.Equal([1, 2, 0], curve.EventCounts);
        Assert.Equal([0, 1, 1], curve.CensoredCounts);
        Assert.Equal(0.8 * 0.5, curve.Survival[1], 12);
    }

    [Fact]
    public void An_empty_group_has_an_empty_curve_and_takes_no_part_in_the_log_rank_test()
    {
        double[] durations = [1, 2, 3, 4, 5, 6, 7, 8];
        bool[] events = [true, true, false, true, true, true, false, true];
        var withEmpty = SurvivalData.Create(durations, events, [0, 2, 0, 2, 0, 2, 0, 2], 3);
        var without = SurvivalData.Create(durations, events, [0, 1, 0, 1, 0, 1, 0, 1], 2);

        var empty = KaplanMeier.Fit(withEmpty)[1];
        var a = LogRank.Test(withEmpty)!;
        var b = LogRank.Test(without)!;

        Assert.Equal(0, empty.Households);
        Assert.Empty(empty.Times);
        Assert.Null(empty.Median);
        Assert.Equal(1, a.Df);
        Assert.Equal(b.ChiSquare, a.ChiSquare, 12);
        Assert.Equal(0, a.Expected[1]);
    }

    [Fact]
    public void The_log_rank_test_is_absent_for_one_group_and_without_any_event()
    {
        Assert.Null(LogRank.Test(SurvivalData.Create([1, 2, 3], [true, false, true])));
        Assert.Null(LogRank.Test(SurvivalData.Create([1, 2, 3, 4], [false, false, false, false], [0, 1, 0, 1], 2)));
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_of_the_rows()
    {
        var households = ReferenceFixtures.Dataset("main");
        var permutation = Enumerable.Range(0, households.Durations.Length).Reverse().ToArray();
        var shuffled = new Households(
            permutation.Select(i => households.Durations[i]).ToArray(), permutation.Select(i => households.Events[i]).ToArray(),
            permutation.Select(i => households.Groups[i]).ToArray(), permutation.Select(i => households.Provision[i]).ToArray(),
            permutation.Select(i => households.Children[i]).ToArray(), permutation.Select(i => households.Age[i]).ToArray(),
            permutation.Select(i => households.Income[i]).ToArray());

        var a = KaplanMeier.Fit(households.Data());
        var b = KaplanMeier.Fit(shuffled.Data());
        for (var g = 0; g < a.Count; g++)
        {
            Assert.Equal(a[g].Survival, b[g].Survival);
            Assert.Equal(a[g].Median, b[g].Median);
        }

        Assert.Equal(LogRank.Test(households.Data())!.ChiSquare, LogRank.Test(shuffled.Data())!.ChiSquare, 12);
        var coxA = CoxRegression.Fit(households.Data(), households.Covariates());
        var coxB = CoxRegression.Fit(shuffled.Data(), shuffled.Covariates());
        Assert.Equal(coxA.Terms.Select(t => t.HazardRatio), coxB.Terms.Select(t => t.HazardRatio), (x, y) => Math.Abs(x - y) < 1e-10);
    }

    [Fact]
    public void A_constant_covariate_is_left_out_with_a_note_and_changes_nothing_else()
    {
        var households = ReferenceFixtures.Dataset("main");
        var n = households.Durations.Length;
        var data = households.Data();
        var baseline = CoxRegression.Fit(data, households.Covariates());
        var covariates = households.Covariates().Concat(
        [
            CoxCovariate.Numeric("constantNumber", Enumerable.Repeat(7.0, n).ToArray()),
            CoxCovariate.Categorical("oneValue", new int[n], ["only", "never"]),
        ]).ToList();

        var result = CoxRegression.Fit(data, covariates);

        Assert.Equal(["constantNumber", "oneValue"], result.Notes.Where(x => x.Code == "constant-covariate").Select(x => x.Feature));
        Assert.DoesNotContain(result.Terms, t => t.Feature is "constantNumber" or "oneValue");
        Assert.Equal(baseline.Terms.Select(t => t.HazardRatio), result.Terms.Select(t => t.HazardRatio), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void A_value_that_does_not_occur_gets_no_column()
    {
        var households = ReferenceFixtures.Dataset("main");
        var covariates = households.Covariates().ToList();
        covariates[1] = CoxCovariate.Categorical("children", households.Children, ["no", "yes", "unused"]);

        var result = CoxRegression.Fit(households.Data(), covariates);

        Assert.DoesNotContain(result.Terms, t => t.Value == "unused");
        Assert.True(result.Converged);
    }

    [Fact]
    public void A_covariate_that_repeats_another_is_aliased_not_thrown()
    {
        var households = ReferenceFixtures.Dataset("main");
        var covariates = households.Covariates().Append(CoxCovariate.Numeric("ageAgain", households.Age.Select(a => (2 * a) + 1).ToArray())).ToList();

        var result = CoxRegression.Fit(households.Data(), covariates);

        var aliased = Assert.Single(result.Terms, t => t.Feature == "ageAgain");
        Assert.True(double.IsNaN(aliased.HazardRatio));
        Assert.Contains(result.Notes, x => x.Code == "aliased" && x.Feature == "ageAgain");
        var age = Assert.Single(result.Terms, t => t.Feature == "age");
        Assert.True(double.IsFinite(age.HazardRatio) && age.HazardRatio > 0);
    }

    [Fact]
    public void A_fit_that_runs_out_of_iterations_reports_it_instead_of_throwing()
    {
        var households = ReferenceFixtures.Dataset("two");

        var result = CoxRegression.Fit(households.Data(), households.Covariates(), new CoxOptions { MaxIterations = 1 });

        Assert.False(result.Converged);
        Assert.Contains(result.Notes, x => x.Code == "not-converged");
        Assert.All(result.Terms, t => Assert.True(double.IsFinite(t.HazardRatio)));
    }

    [Fact]
    public void A_value_whose_households_all_leave_first_is_flagged_as_possibly_infinite()
    {
        // Everyone with children = yes leaves before anyone without: the likelihood keeps rising with the coefficient.
        double[] durations = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        bool[] events = [true, true, true, true, true, true, true, false, true, false, true, true];
        int[] children = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0];

        var result = CoxRegression.Fit(SurvivalData.Create(durations, events), [CoxCovariate.Categorical("children", children, ["no", "yes"])]);

        var term = Assert.Single(result.Terms);
        Assert.True(term.MayBeInfinite);
        Assert.True(term.HazardRatio > 1e3);
        Assert.Contains(result.Notes, x => x.Code == "coefficient-may-be-infinite");
    }

    [Fact]
    public void Without_events_or_without_varying_covariates_there_are_no_hazard_ratios()
    {
        var censored = SurvivalData.Create([1, 2, 3], [false, false, false]);
        var noEvents = CoxRegression.Fit(censored, [CoxCovariate.Numeric("age", [30, 40, 50])]);
        var flat = CoxRegression.Fit(SurvivalData.Create([1, 2, 3], [true, false, true]), [CoxCovariate.Numeric("age", [30, 30, 30])]);

        Assert.Empty(noEvents.Terms);
        Assert.Contains(noEvents.Notes, x => x.Code == "no-events");
        Assert.Empty(flat.Terms);
        Assert.Contains(flat.Notes, x => x.Code == "no-covariates");
        Assert.Contains(flat.Notes, x => x.Code == "constant-covariate");
    }

    [Fact]
    public void Rows_with_a_missing_category_are_left_out_as_na_omit_does()
    {
        double[] durations = [1, 2, 3, 4, 5, 6, 7, 8];
        bool[] events = [true, true, false, true, true, true, false, true];
        int[] codes = [0, 1, -1, 0, 1, 0, 1, 0];

        var result = CoxRegression.Fit(SurvivalData.Create(durations, events), [CoxCovariate.Categorical("provision", codes, ["none", "coaching"])]);

        Assert.Equal(7, result.RowsUsed);
        Assert.Contains(result.Notes, x => x.Code == "rows-with-missing-values");
    }

    [Fact]
    public void Unusable_columns_are_reported_and_refused()
    {
        Assert.NotEmpty(SurvivalData.Validate([1, -1], [true, true], [0, 0], 1));
        Assert.NotEmpty(SurvivalData.Validate([1, double.NaN], [true, true], [0, 0], 1));
        Assert.NotEmpty(SurvivalData.Validate([1, 2], [true], [0, 0], 1));
        Assert.NotEmpty(SurvivalData.Validate([1, 2], [true, true], [0, 2], 2));
        Assert.Empty(SurvivalData.Validate([0, 2], [true, false], [0, 1], 2));
        Assert.Throws<ArgumentException>(() => SurvivalData.Create([1, -1], [true, true]));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(SurvivalData.Create([1, 2], [true, true]), [CoxCovariate.Numeric("age", [1])]));
    }

    [Fact]
    public void Tail_probabilities_at_their_edges()
    {
        Assert.Equal(1, Distributions.ChiSquareUpperTail(0, 3));
        Assert.Equal(0.5, Distributions.NormalUpperTail(0), 15);
        Assert.Equal(1, Distributions.TwoSidedNormalP(0), 15);
        Assert.Equal(0.05, Distributions.TwoSidedNormalP(Distributions.Z95), 12);
        Assert.Equal(1 - Distributions.NormalUpperTail(1.3), Distributions.NormalUpperTail(-1.3), 15);
        Assert.Equal(Math.Log(24), Distributions.LogGamma(5), 13);
        Assert.Equal(0.5 * Math.Log(Math.PI), Distributions.LogGamma(0.5), 13);
    }
}
