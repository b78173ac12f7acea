using Datawijs.Domain.Outflow;

namespace Datawijs.Domain.Tests.Outflow;

/// <summary>Kaplan-Meier, log-rank and Cox against the figures R's survival package computed (reference/*.csv).</summary>
public sealed class AgainstRTests
{
    private const double CurveTolerance = 1e-6;
    private const double CoxTolerance = 1e-4;

    public static TheoryData<string> Datasets() => new(ReferenceFixtures.Datasets());

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Curves_match_survfit_point_by_point(string dataset)
    {
        var curves = KaplanMeier.Fit(ReferenceFixtures.Dataset(dataset).Data());
        var expected = ReferenceFixtures.Read("curves.csv").Where(r => r["dataset"] == dataset).GroupBy(r => r.Integer("group")).ToList();

        Assert.NotEmpty(expected);
        foreach (var group in expected)
        {
            var curve = curves[group.Key];
            var rows = group.ToList();
            Assert.Equal(rows.Count, curve.Times.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                Assert.Equal(r.Number("time"), curve.Times[i], CurveTolerance);
                Assert.Equal(r.Integer("n_risk"), curve.AtRisk[i]);
                Assert.Equal(r.Integer("n_event"), curve.EventCounts[i]);
                Assert.Equal(r.Integer("n_censor"), curve.CensoredCounts[i]);
                Assert.Equal(r.Number("surv"), curve.Survival[i], CurveTolerance);
                AssertSame(r.Number("std_err"), curve.StandardError[i]);
                AssertSame(r.Number("lower"), curve.Lower[i]);
                AssertSame(r.Number("upper"), curve.Upper[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Medians_and_their_intervals_match_print_survfit(string dataset)
    {
        var curves = KaplanMeier.Fit(ReferenceFixtures.Dataset(dataset).Data());
        foreach (var r in ReferenceFixtures.Read("medians.csv").Where(r => r["dataset"] == dataset))
        {
            var curve = curves[r.Integer("group")];
            Assert.Equal(r.Integer("households"), curve.Households);
            Assert.Equal(r.Integer("events"), curve.Events);
            AssertSame(r.Optional("median"), curve.Median);
            AssertSame(r.Optional("lower"), curve.MedianLower);
            AssertSame(r.Optional("upper"), curve.MedianUpper);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void The_curve_between_and_beyond_its_times_matches_summary_with_times(string dataset)
    {
        var curves = KaplanMeier.Fit(ReferenceFixtures.Dataset(dataset).Data());
        foreach (var r in ReferenceFixtures.Read("points.csv").Where(r => r["dataset"] == dataset))
        {
            var point = curves[r.Integer("group")].At(r.Number("time"));
            Assert.Equal(r.Number("surv"), point.Survival, CurveTolerance);
            AssertSame(r.Number("lower"), point.Lower);
            AssertSame(r.Number("upper"), point.Upper);
            Assert.Equal(r.Integer("n_risk"), point.AtRisk);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Log_rank_matches_survdiff_or_is_absent_for_one_group(string dataset)
    {
        var result = LogRank.Test(ReferenceFixtures.Dataset(dataset).Data());
        var expected = ReferenceFixtures.Read("logrank.csv").SingleOrDefault(r => r["dataset"] == dataset);
        if (expected is null)
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        Assert.Equal(expected.Number("chisq"), result.ChiSquare, CurveTolerance);
        Assert.Equal(expected.Integer("df"), result.Df);
        Assert.Equal(expected.Number("p"), result.PValue, CurveTolerance);
        Assert.Equal(1, result.PValue / expected.Number("p"), 1e-9);
        foreach (var g in ReferenceFixtures.Read("logrank-groups.csv").Where(r => r["dataset"] == dataset))
        {
            Assert.Equal(g.Number("observed"), result.Observed[g.Integer("group")], CurveTolerance);
            Assert.Equal(g.Number("expected"), result.Expected[g.Integer("group")], CurveTolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Hazard_ratios_match_coxph_with_efron_ties(string dataset)
    {
        var expectedTerms = ReferenceFixtures.Read("cox-terms.csv").Where(r => r["dataset"] == dataset).ToList();
        if (expectedTerms.Count == 0)
        {
            return; // 'half' has constant covariates: covered by the edge-case tests
        }

        var households = ReferenceFixtures.Dataset(dataset);
        var result = CoxRegression.Fit(households.Data(), households.Covariates());
        var fit = ReferenceFixtures.Read("cox-fits.csv").Single(r => r["dataset"] == dataset);

        Assert.True(result.Converged);
        Assert.Equal(fit.Integer("n"), result.RowsUsed);
        Assert.Equal(fit.Integer("events"), result.Events);
        Assert.Equal(fit.Number("loglik_null"), result.NullLogLikelihood, CurveTolerance);
        Assert.Equal(fit.Number("loglik"), result.LogLikelihood, CurveTolerance);
        Assert.Equal(expectedTerms.Count, result.Terms.Count);
        foreach (var e in expectedTerms)
        {
            var value = e["value"].Length == 0 ? null : e["value"];
            var term = Assert.Single(result.Terms, t => t.Feature == e["feature"] && t.Value == value);
            Assert.Equal(e["reference"].Length == 0 ? null : e["reference"], term.Reference);
            AssertSame(e.Optional("sd"), term.StandardDeviation, CoxTolerance);
            Assert.Equal(e.Number("coef"), term.Coefficient, CoxTolerance);
            Assert.Equal(e.Number("se"), term.StandardError, CoxTolerance);
            Assert.Equal(e.Number("hr"), term.HazardRatio, CoxTolerance);
            Assert.Equal(e.Number("lower"), term.Lower, CoxTolerance);
            Assert.Equal(e.Number("upper"), term.Upper, CoxTolerance);
            Assert.Equal(e.Number("p"), term.PValue, CoxTolerance);
            Assert.False(term.MayBeInfinite);
        }

        Assert.Equal(households.Income.Any(double.IsNaN), result.Notes.Any(n => n.Code == "rows-with-missing-values"));
    }

    [Fact]
    public void Tail_probabilities_match_pchisq_pnorm_and_pgamma_to_twelve_digits()
    {
        var rows = ReferenceFixtures.Read("tails.csv");
        Assert.True(rows.Count > 200);
        foreach (var r in rows)
        {
            var expected = r.Number("p");
            var actual = r["kind"] switch
            {
                "chisq-upper" => Distributions.ChiSquareUpperTail(r.Number("x"), r.Number("df")),
                "norm-upper" => Distributions.NormalUpperTail(r.Number("x")),
                "gamma-lower" => Distributions.RegularizedGammaP(r.Number("df") / 2, r.Number("x")),
                var kind => throw new InvalidOperationException(kind),
            };

            // Relative, so that tails of 1e-300 count as much as 0.3.
            Assert.True(expected == 0 ? actual < 1e-300 : Math.Abs(actual - expected) <= 1e-12 * expected,
                $"{r["kind"]}({r["x"]}, {r["df"]}): R {expected:R}, ours {actual:R}");
        }
    }

    private static void AssertSame(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Equal(expected, actual, CurveTolerance);
        }
    }

    private static void AssertSame(double? expected, double? actual, double tolerance = CurveTolerance)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected.HasValue)
        {
            Assert.Equal(expected.Value, actual!.Value, tolerance);
        }
    }
}
