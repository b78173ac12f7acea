using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The inequality check: for each profile and each declared value of each protected categorical feature,
/// the households of the profile against all other households of the dataset (a 2×2 table: in the
/// profile or not × in the group or not). A group is flagged when its share in the profile is more than
/// <see cref="FairnessCheckOptions.MaximumRatio"/> times its share outside the profile, and a one-sided
/// Fisher exact test (hypergeometric upper tail) gives p &lt; <see cref="FairnessCheckOptions.Alpha"/> / m,
/// m being the number of (profile, group) tests in the set (Bonferroni). Fisher's test is exact for small
/// profiles and small groups, where a normal approximation is not. The correction matters: a set of 5
/// profiles and 3 groups makes 15 tests, and without it a small group's chance variation alone blocked about
/// one set in nine in a test (people would soon review by habit); with it, chance blocks at most 1 set in 20.
/// The unknown cell (missing values) is not a group and is not tested.
/// </summary>
public static class FairnessCheck
{
    public static FairnessCheckResult Run(ProfileSetDescription profileSet, FairnessCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profileSet);
        var o = options ?? FairnessCheckOptions.Default;
        var candidates = new List<FairnessFinding>();
        var tests = 0;
        var n = profileSet.TotalHouseholds;
        foreach (var profile in profileSet.Profiles)
        {
            var inProfile = profile.Households;
            var outside = n - inProfile;
            if (inProfile <= 0 || outside <= 0)
            {
                continue;
            }

            foreach (var distribution in profile.Protected)
            {
                foreach (var cell in distribution.Cells)
                {
                    if (cell.Value is null)
                    {
                        continue;
                    }

                    tests++;
                    var x = cell.CountInProfile;
                    var groupSize = cell.CountInPopulation;
                    var shareIn = (double)x / inProfile;
                    var shareOutside = (double)(groupSize - x) / outside;
                    var ratio = shareOutside > 0 ? shareIn / shareOutside : x > 0 ? double.PositiveInfinity : 0;
                    if (!(ratio > o.MaximumRatio))
                    {
                        continue;
                    }

                    candidates.Add(new FairnessFinding(profile.Cluster, distribution.Feature, cell.Value, ratio, FisherUpperTail(x, inProfile, groupSize, n)));
                }
            }
        }

        var threshold = tests == 0 ? 0 : o.Alpha / tests;
        var features = profileSet.Features.Where(f => f.Role == FeatureRole.Protected).ToArray();
        return new FairnessCheckResult(
            [.. candidates.Where(c => c.PValue < threshold)],
            [.. features.Where(f => f.Type == FeatureType.Categorical).Select(f => f.Name)],
            [.. features.Where(f => f.Type == FeatureType.Numeric).Select(f => f.Name)],
            tests,
            o);
    }

    /// <summary>
    /// One-sided Fisher exact test: P(X ≥ x) for X hypergeometric, drawing <paramref name="drawn"/> households
    /// (the profile) from <paramref name="population"/> of which <paramref name="successes"/> are in the group.
    /// </summary>
    public static double FisherUpperTail(int x, int drawn, int successes, int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(drawn);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drawn, population);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, population);
        var low = Math.Max(0, drawn + successes - population);
        var high = Math.Min(drawn, successes);
        if (x <= low)
        {
            return 1;
        }

        if (x > high)
        {
            return 0;
        }

        var lnTotal = LnChoose(population, drawn);
        double Pmf(int k) => Math.Exp(LnChoose(successes, k) + LnChoose(population - successes, drawn - k) - lnTotal);

        // Sum the smaller tail, walking away from the mode so that terms only shrink and the sum can stop early.
        var mean = (double)drawn * successes / population;
        if (x > mean)
        {
            var sum = 0.0;
            for (var k = x; k <= high; k++)
            {
                var term = Pmf(k);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            return Math.Min(1, sum);
        }

        var below = 0.0;
        for (var k = x - 1; k >= low; k--)
        {
            var term = Pmf(k);
            below += term;
            if (term < below * 1e-17)
            {
                break;
            }
        }

        return Math.Clamp(1 - below, 0, 1);
    }

    private static double LnChoose(int n, int k) => LnFactorial(n) - LnFactorial(k) - LnFactorial(n - k);

    private static double LnFactorial(int n) => n < 2 ? 0 : LnGamma(n + 1.0);

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, 9 coefficients; relative error about 1e-15).</summary>
    internal static double LnGamma(double x)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LnGamma(1 - x);
        }

        x -= 1;
        var a = c[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            a += c[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }
}
