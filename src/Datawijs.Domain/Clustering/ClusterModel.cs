using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// A fitted k-prototypes model: everything needed to assign a new household and to explain the
/// assignment. The dissimilarity between a row x and prototype c is
/// <c>Σ_numeric (z(x_f) − c_f)² + Gamma × #(categorical f with x_f ≠ c_f)</c>, where missing values of
/// x skip their term. Only features with <see cref="FeatureDefinition.InDistance"/> take part.
/// </summary>
public sealed class ClusterModel
{
    /// <summary>
    /// Rebuilds a model, e.g. from storage, to assign households to a published profile set later.
    /// Checks that it is consistent; a fitted model comes from <see cref="KPrototypes.Fit"/>.
    /// </summary>
    public ClusterModel(
        IReadOnlyList<FeatureDefinition> features,
        IReadOnlyList<NumericStandardisation> numerics,
        IReadOnlyList<CategoricalClusteringFeature> categoricals,
        double gamma,
        IReadOnlyList<Centroid> centroids)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(numerics);
        ArgumentNullException.ThrowIfNull(categoricals);
        ArgumentNullException.ThrowIfNull(centroids);
        if (!double.IsFinite(gamma) || gamma < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma));
        }

        foreach (var n in numerics)
        {
            if (n.FeatureIndex < 0 || n.FeatureIndex >= features.Count || !features[n.FeatureIndex].InDistance
                || features[n.FeatureIndex].Type != FeatureType.Numeric || !(n.StandardDeviation > 0))
            {
                throw new ArgumentException($"'{n.Feature}' is not a numeric clustering feature with a positive standard deviation.", nameof(numerics));
            }
        }

        foreach (var c in categoricals)
        {
            if (c.FeatureIndex < 0 || c.FeatureIndex >= features.Count || !features[c.FeatureIndex].InDistance
                || features[c.FeatureIndex].Type != FeatureType.Categorical)
            {
                throw new ArgumentException($"'{c.Feature}' is not a categorical clustering feature.", nameof(categoricals));
            }
        }

        for (var j = 0; j < centroids.Count; j++)
        {
            var c = centroids[j];
            if (c.Index != j || c.NumericStandardised.Count != numerics.Count || c.NumericRaw.Count != numerics.Count
                || c.CategoryCodes.Count != categoricals.Count || c.CategoryValues.Count != categoricals.Count)
            {
                throw new ArgumentException($"Centroid {j} does not match the features.", nameof(centroids));
            }
        }

        Features = features;
        Numerics = numerics;
        Categoricals = categoricals;
        Gamma = gamma;
        Centroids = centroids;
    }

    /// <summary>All features of the dataset, in declared order (feature indices point here).</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The numeric clustering features with their standardisation, in distance order.</summary>
    public IReadOnlyList<NumericStandardisation> Numerics { get; }

    /// <summary>The categorical clustering features, in distance order.</summary>
    public IReadOnlyList<CategoricalClusteringFeature> Categoricals { get; }

    /// <summary>The weight of one categorical mismatch.</summary>
    public double Gamma { get; }

    public IReadOnlyList<Centroid> Centroids { get; }

    public int K => Centroids.Count;

    /// <summary>
    /// The dissimilarity of a row to a prototype. Summed in a fixed order (numerics in order, then
    /// Gamma × mismatches) so that it equals, bit for bit, the value the fit used.
    /// </summary>
    public double Distance(MixedRow row, int cluster)
    {
        ArgumentNullException.ThrowIfNull(row);
        var c = Centroids[cluster];
        var sum = 0.0;
        for (var i = 0; i < Numerics.Count; i++)
        {
            var x = row.Number(Numerics[i].FeatureIndex);
            if (!double.IsNaN(x))
            {
                var d = Numerics[i].Standardise(x) - c.NumericStandardised[i];
                sum += d * d;
            }
        }

        var mismatches = 0;
        for (var i = 0; i < Categoricals.Count; i++)
        {
            var code = row.Code(Categoricals[i].FeatureIndex);
            if (code != MixedDataMatrix.MissingCode && code != c.CategoryCodes[i])
            {
                mismatches++;
            }
        }

        return sum + (Gamma * mismatches);
    }

    /// <summary>The per-feature terms of <see cref="Distance"/> (numerics first, then categoricals).</summary>
    public IReadOnlyList<DistanceTerm> Terms(MixedRow row, int cluster)
    {
        ArgumentNullException.ThrowIfNull(row);
        var c = Centroids[cluster];
        var terms = new List<DistanceTerm>(Numerics.Count + Categoricals.Count);
        for (var i = 0; i < Numerics.Count; i++)
        {
            var s = Numerics[i];
            var x = row.Number(s.FeatureIndex);
            var missing = double.IsNaN(x);
            var d = missing ? 0.0 : s.Standardise(x) - c.NumericStandardised[i];
            terms.Add(new DistanceTerm(s.FeatureIndex, s.Feature, FeatureType.Numeric, d * d, missing));
        }

        for (var i = 0; i < Categoricals.Count; i++)
        {
            var f = Categoricals[i];
            var code = row.Code(f.FeatureIndex);
            var missing = code == MixedDataMatrix.MissingCode;
            var term = !missing && code != c.CategoryCodes[i] ? Gamma : 0.0;
            terms.Add(new DistanceTerm(f.FeatureIndex, f.Feature, FeatureType.Categorical, term, missing));
        }

        return terms;
    }

    /// <summary>The nearest prototype (ties: the lowest index, as in the fit) and all distances.</summary>
    public ClusterAssignment Assign(MixedRow row)
    {
        var distances = new double[K];
        var best = 0;
        for (var j = 0; j < K; j++)
        {
            distances[j] = Distance(row, j);
            if (distances[j] < distances[best])
            {
                best = j;
            }
        }

        return new ClusterAssignment(best, distances);
    }

    /// <summary>
    /// Encodes a household given as feature name → text value (invariant culture; null/empty = missing).
    /// Unknown feature names and undeclared values are problems; absent features are missing.
    /// </summary>
    public bool TryEncode(IReadOnlyDictionary<string, string?> values, out MixedRow row, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<string>();
        var numbers = new double[Features.Count];
        var codes = new int[Features.Count];
        Array.Fill(numbers, double.NaN);
        Array.Fill(codes, MixedDataMatrix.MissingCode);
        foreach (var (name, text) in values)
        {
            var f = -1;
            for (var i = 0; i < Features.Count; i++)
            {
                if (string.Equals(Features[i].Name, name, StringComparison.Ordinal))
                {
                    f = i;
                    break;
                }
            }

            if (f < 0)
            {
                list.Add($"'{name}' is not a feature of this dataset");
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (Features[f].Type == FeatureType.Numeric)
            {
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
                {
                    numbers[f] = x;
                }
                else
                {
                    list.Add($"'{name}': '{text}' is not a number");
                }

                continue;
            }

            var declared = CategoryValuesOf(f);
            var code = -1;
            for (var c = 0; c < declared.Count; c++)
            {
                if (string.Equals(declared[c], text, StringComparison.Ordinal))
                {
                    code = c;
                    break;
                }
            }

            if (code < 0)
            {
                list.Add($"'{name}': '{text}' is not one of the declared values");
            }

            codes[f] = code;
        }

        row = new MixedRow(numbers, codes);
        problems = list;
        return list.Count == 0;
    }

    private IReadOnlyList<string> CategoryValuesOf(int featureIndex)
    {
        foreach (var c in Categoricals)
        {
            if (c.FeatureIndex == featureIndex)
            {
                return c.Values;
            }
        }

        return Features[featureIndex].Values ?? [];
    }
}
