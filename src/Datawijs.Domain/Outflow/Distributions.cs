namespace Datawijs.Domain.Outflow;

/// <summary>
/// Tail probabilities for the tests: chi-square and normal, through the regularised incomplete gamma
/// function (series below a + 1, Lentz's continued fraction above) and a Lanczos log-gamma. Relative
/// accuracy about 1e-14 against R's pchisq/pnorm, also far in the tails (checked in the tests).
/// </summary>
public static class Distributions
{
    /// <summary>The 97.5 % point of the standard normal distribution (R: qnorm(0.975)), for 95 % intervals.</summary>
    public const double Z95 = 1.959963984540054;

    private const double Epsilon = 1e-16;
    private const int MaxTerms = 10_000;

    // Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
        {
            // Reflection keeps the approximation in its accurate range.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a &gt; 0, x ≥ 0.</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        Check(a, x);
        if (x == 0)
        {
            return 0;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1 - UpperFraction(a, x);
    }

    /// <summary>Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate when it is tiny.</summary>
    public static double RegularizedGammaQ(double a, double x)
    {
        Check(a, x);
        if (x == 0)
        {
            return 1;
        }

        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperFraction(a, x);
    }

    /// <summary>P(X ≥ x) for X chi-square with df degrees of freedom (R: pchisq(x, df, lower.tail = FALSE)).</summary>
    public static double ChiSquareUpperTail(double x, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return x <= 0 ? 1 : RegularizedGammaQ(degreesOfFreedom / 2, x / 2);
    }

    /// <summary>P(Z ≥ z) for a standard normal Z (R: pnorm(z, lower.tail = FALSE)).</summary>
    public static double NormalUpperTail(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        return z >= 0 ? 0.5 * Erfc(z / Math.Sqrt(2)) : 1 - 0.5 * Erfc(-z / Math.Sqrt(2));
    }

    /// <summary>Two-sided p-value of a Wald z statistic: 2 P(Z ≥ |z|).</summary>
    public static double TwoSidedNormalP(double z) => double.IsNaN(z) ? double.NaN : Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Complementary error function for x ≥ 0: erfc(x) = Q(1/2, x²).</summary>
    private static double Erfc(double x) => x == 0 ? 1 : RegularizedGammaQ(0.5, x * x);

    private static void Check(double a, double x)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a finite number above 0.");
        }

        if (!(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be at least 0.");
        }
    }

    private static double Prefactor(double a, double x) => Math.Exp(-x + a * Math.Log(x) - LogGamma(a));

    private static double LowerSeries(double a, double x)
    {
        // P(a, x) = e^-x x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n))
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxTerms; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return Math.Min(1, sum * Prefactor(a, x));
    }

    private static double UpperFraction(double a, double x)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        // Q(a, x) = e^-x x^a / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − …)), modified Lentz.
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var n = 1; n < MaxTerms; n++)
        {
            var an = -n * (n - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + an / c;
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Max(0, Prefactor(a, x) * h);
    }
}
