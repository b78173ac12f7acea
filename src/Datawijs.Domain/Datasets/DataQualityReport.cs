using Datawijs.Domain.Clustering;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.Datasets;

/// <summary>
/// The data-quality report of a dataset, under the same disclosure rules as a profile set: counts of
/// 1..9 are suppressed, 0 % and 100 % shares are not shown, when exactly one value of a feature is
/// suppressed the next smallest is suppressed too (so it cannot be derived from the total), counts are
/// rounded (a missing count of 0 is shown: it is about the data), and quantiles over fewer than the minimum count of values are withheld.
/// </summary>
public sealed record DataQualityReport(int? Households, IReadOnlyList<FeatureQuality> Features)
{
    /// <summary>The exact report of a matrix held in memory (the reference for <see cref="DataQualityAccumulator"/>).</summary>
    public static DataQualityReport Create(MixedDataMatrix matrix, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        rules ??= DisclosureRules.Default;
        var n = matrix.RowCount;
        var features = new List<FeatureQuality>(matrix.Features.Count);
        for (var f = 0; f < matrix.Features.Count; f++)
        {
            var feature = matrix.Features[f];
            if (feature.Type == FeatureType.Numeric)
            {
                var values = new List<double>(n);
                foreach (var x in matrix.Numeric(f))
                {
                    if (!double.IsNaN(x))
                    {
                        values.Add(x);
                    }
                }

                values.Sort();
                features.Add(Numeric(feature, n, values.Count, p => Quantile(values, p), rules));
            }
            else
            {
                var counts = new int[matrix.CategoryValues(f).Count];
                var missing = 0;
                foreach (var code in matrix.Categorical(f))
                {
                    if (code == MixedDataMatrix.MissingCode)
                    {
                        missing++;
                    }
                    else
                    {
                        counts[code]++;
                    }
                }

                features.Add(Categorical(feature, matrix.CategoryValues(f), counts, missing, n, rules));
            }
        }

        return new DataQualityReport(HouseholdsShown(n, rules), features);
    }

    internal static int? HouseholdsShown(int n, DisclosureRules rules) => PublishedFigures.Count(n, rules);

    /// <summary>A numeric feature: its missing count and rounded quartiles from <paramref name="quantile"/> over its <paramref name="values"/> values.</summary>
    internal static FeatureQuality Numeric(FeatureDefinition feature, int n, int values, Func<double, double> quantile, DisclosureRules rules)
    {
        double? Shown(double p) => values >= rules.MinimumCount ? PublishedFigures.Median(feature.Name, values, quantile(p), rules) : null;
        return new FeatureQuality(
            feature.Name, feature.Type, feature.Role, Count(n - values, n, rules, zeroShown: true), [],
            Shown(0.25),
            Shown(0.5),
            Shown(0.75));
    }

    /// <summary>A categorical feature: its missing count and the frequency of each declared value, with secondary suppression.</summary>
    internal static FeatureQuality Categorical(FeatureDefinition feature, IReadOnlyList<string> names, int[] counts, int missing, int n, DisclosureRules rules)
    {
        var shown = counts.Select(c => Count(c, n, rules, zeroShown: false)).ToArray();
        var hidden = shown.Count(s => s.Suppressed);
        if (hidden == 1 && shown.Length > 1)
        {
            // Secondary suppression: one hidden value would follow from the total and the others.
            var next = Enumerable.Range(0, counts.Length).Where(i => !shown[i].Suppressed).MinBy(i => counts[i]);
            shown[next] = new QualityCount(null, null, true);
        }

        return new FeatureQuality(
            feature.Name, feature.Type, feature.Role, Count(missing, n, rules, zeroShown: true),
            names.Select((v, i) => new QualityValue(v, shown[i])).ToList(), null, null, null);
    }

    private static QualityCount Count(int count, int total, DisclosureRules rules, bool zeroShown)
    {
        if (count == 0 && zeroShown && total >= rules.MinimumCount)
        {
            // "Never missing" is about the data, not about a person; a value nobody has is withheld (0 %).
            return new QualityCount(0, 0, false);
        }

        if (count < rules.MinimumCount || total < rules.MinimumCount || count == total || total - count < rules.MinimumCount)
        {
            return new QualityCount(null, null, true);
        }

        var shown = PublishedFigures.Count(count, rules);
        var share = PublishedFigures.SharePercent(shown, PublishedFigures.Count(total, rules));
        return share is null or 0 or 100 ? new QualityCount(null, null, true) : new QualityCount(shown, share, false);
    }

    // Linear interpolation between order statistics (type 7, as R and NumPy by default).
    private static double Quantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
