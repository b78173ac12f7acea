using Datawijs.Domain.Clustering;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.Datasets;

/// <summary>
/// Builds the <see cref="DataQualityReport"/> one household at a time, so that an upload never has to
/// hold (or read back) every record: missing counts and value frequencies are exact counters bounded by
/// the declared values, numeric quartiles come from a <see cref="NumericDistribution"/> (exact up to
/// 65,536 distinct values per feature, within 0.05 % beyond). The disclosure rules are those of
/// <see cref="DataQualityReport.Create"/>, applied to the same counts.
/// </summary>
public sealed class DataQualityAccumulator
{
    private readonly IReadOnlyList<FeatureDefinition> features;
    private readonly int[]?[] valueCounts;
    private readonly int[] missing;
    private readonly NumericDistribution?[] numeric;

    public DataQualityAccumulator(IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = [.. features];
        valueCounts = new int[]?[features.Count];
        numeric = new NumericDistribution?[features.Count];
        missing = new int[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            if (features[f].Type == FeatureType.Numeric)
            {
                numeric[f] = new NumericDistribution();
            }
            else
            {
                valueCounts[f] = new int[features[f].Values?.Count ?? 0];
            }
        }
    }

    /// <summary>The number of households added.</summary>
    public int Households { get; private set; }

    /// <summary>
    /// Adds one household, every feature by index as in <see cref="MixedDataMatrix"/>: for a numeric
    /// feature <paramref name="numbers"/> (NaN = missing), for a categorical one the code into its declared
    /// values in <paramref name="codes"/> (<see cref="MixedDataMatrix.MissingCode"/> = missing).
    /// </summary>
    public void Add(ReadOnlySpan<int> codes, ReadOnlySpan<double> numbers)
    {
        if (codes.Length < features.Count || numbers.Length < features.Count)
        {
            throw new ArgumentException("One code and one number per feature are required.", nameof(codes));
        }

        Households = checked(Households + 1);
        for (var f = 0; f < features.Count; f++)
        {
            if (numeric[f] is { } distribution)
            {
                if (double.IsNaN(numbers[f]))
                {
                    missing[f]++;
                }
                else
                {
                    distribution.Add(numbers[f]);
                }
            }
            else if (codes[f] == MixedDataMatrix.MissingCode)
            {
                missing[f]++;
            }
            else
            {
                valueCounts[f]![codes[f]]++;
            }
        }
    }

    /// <summary>
    /// Adds every household of <paramref name="other"/> (made for the same features), as if each had been
    /// added here: an upload counts its own records while it reads them, and its counts join those of the
    /// records already stored only when it is stored.
    /// </summary>
    public void Add(DataQualityAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.features.Count != features.Count || Enumerable.Range(0, features.Count).Any(f =>
            other.features[f].Name != features[f].Name || other.features[f].Type != features[f].Type || other.valueCounts[f]?.Length != valueCounts[f]?.Length))
        {
            throw new ArgumentException("The counts were made for other features.", nameof(other));
        }

        Households = checked(Households + other.Households);
        for (var f = 0; f < features.Count; f++)
        {
            missing[f] += other.missing[f];
            if (numeric[f] is { } distribution)
            {
                distribution.Add(other.numeric[f]!);
            }
            else
            {
                var counts = valueCounts[f]!;
                var added = other.valueCounts[f]!;
                for (var v = 0; v < counts.Length; v++)
                {
                    counts[v] += added[v];
                }
            }
        }
    }

    /// <summary>The distribution of a numeric feature so far.</summary>
    public NumericDistribution Distribution(int featureIndex) =>
        numeric[featureIndex] ?? throw new ArgumentException($"Feature {featureIndex} is not numeric.", nameof(featureIndex));

    /// <summary>The report over every household added, under the disclosure rules.</summary>
    public DataQualityReport Report(DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var n = Households;
        var report = new List<FeatureQuality>(features.Count);
        for (var f = 0; f < features.Count; f++)
        {
            report.Add(numeric[f] is { } distribution
                ? DataQualityReport.Numeric(features[f], n, (int)distribution.Count, distribution.Quantile, rules)
                : DataQualityReport.Categorical(features[f], features[f].Values ?? [], valueCounts[f]!, missing[f], n, rules));
        }

        return new DataQualityReport(DataQualityReport.HouseholdsShown(n, rules), report);
    }
}
