using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// The households of a dataset in a compact, column-major form: one <see cref="NumericColumn"/> per
/// numeric feature (<see cref="double.NaN"/> = missing; 32-bit floats where every value of the column
/// is exact as a float, otherwise doubles) and one <see cref="CategoricalColumn"/> of codes per
/// categorical feature (<see cref="MissingCode"/> = missing; a code indexes
/// <see cref="CategoryValues(int)"/>; one byte per household for up to 255 values). Four million
/// households with 3 numeric and 8 categorical features take 80 MB.
/// Every declared feature is kept, but only features with <see cref="FeatureDefinition.InDistance"/>
/// take part in the distance; descriptive and protected columns are there for reporting only.
/// Column-major because the clustering loops run down one column at a time (cache- and SIMD-friendly).
/// The arrays are owned by the matrix and never changed after construction.
/// </summary>
public sealed class MixedDataMatrix
{
    /// <summary>The code of a missing categorical value.</summary>
    public const int MissingCode = -1;

    private readonly NumericColumn?[] numeric;
    private readonly CategoricalColumn?[] categorical;
    private readonly string[][] categoryValues;

    private MixedDataMatrix(
        IReadOnlyList<FeatureDefinition> features, int rowCount, NumericColumn?[] numeric, CategoricalColumn?[] categorical, string[][] categoryValues)
    {
        Features = features;
        RowCount = rowCount;
        this.numeric = numeric;
        this.categorical = categorical;
        this.categoryValues = categoryValues;
    }

    /// <summary>All declared features, in declared order; a feature index points into this list.</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The number of households.</summary>
    public int RowCount { get; }

    /// <summary>The column of a numeric feature (NaN = missing); no copy.</summary>
    public NumericColumn Numeric(int featureIndex) =>
        numeric[featureIndex] ?? throw new ArgumentException($"Feature {featureIndex} is not numeric.", nameof(featureIndex));

    /// <summary>The codes of a categorical feature (<see cref="MissingCode"/> = missing); no copy.</summary>
    public CategoricalColumn Categorical(int featureIndex) =>
        categorical[featureIndex] ?? throw new ArgumentException($"Feature {featureIndex} is not categorical.", nameof(featureIndex));

    /// <summary>The values of a categorical feature; code <c>c</c> means <c>CategoryValues(f)[c]</c>. Empty for numerics.</summary>
    public IReadOnlyList<string> CategoryValues(int featureIndex) => categoryValues[featureIndex];

    /// <summary>The index of a feature by name (ordinal), or -1.</summary>
    public int IndexOf(string featureName)
    {
        for (var f = 0; f < Features.Count; f++)
        {
            if (string.Equals(Features[f].Name, featureName, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return -1;
    }

    /// <summary>One household as a <see cref="MixedRow"/> (e.g. to assign it or explain it).</summary>
    public MixedRow Row(int rowIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowIndex, RowCount);
        var numbers = new double[Features.Count];
        var codes = new int[Features.Count];
        for (var f = 0; f < Features.Count; f++)
        {
            numbers[f] = numeric[f] is { } n ? n[rowIndex] : double.NaN;
            codes[f] = categorical[f] is { } c ? c[rowIndex] : MissingCode;
        }

        return new MixedRow(numbers, codes);
    }

    /// <summary>
    /// Builds a matrix from ready columns, one per feature in declared order: a <c>double[]</c> or
    /// <c>float[]</c> for a numeric feature, an <c>int[]</c> of codes into
    /// <see cref="FeatureDefinition.Values"/> (-1 = missing) or a <c>byte[]</c> of codes (255 = missing)
    /// for a categorical one (categorical features must declare their values here). <c>float[]</c> and
    /// <c>byte[]</c> columns are taken over, not copied: the caller must not change them afterwards;
    /// <c>double[]</c> and <c>int[]</c> columns are put in the compact form (a copy) where it is exact.
    /// </summary>
    public static MixedDataMatrix FromColumns(IReadOnlyList<FeatureDefinition> features, IReadOnlyList<Array> columns)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(columns);
        if (features.Count != columns.Count)
        {
            throw new ArgumentException("One column per feature is required.", nameof(columns));
        }

        var rowCount = features.Count == 0 ? 0 : columns[0].Length;
        var numeric = new NumericColumn?[features.Count];
        var categorical = new CategoricalColumn?[features.Count];
        var values = new string[features.Count][];
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            if (columns[f].Length != rowCount)
            {
                throw new ArgumentException($"Column '{feature.Name}' has {columns[f].Length} rows, expected {rowCount}.", nameof(columns));
            }

            if (feature.Type == FeatureType.Numeric)
            {
                numeric[f] = columns[f] switch
                {
                    float[] singles => new NumericColumn(singles),
                    double[] doubles => NumericColumn.Compact(doubles, rowCount),
                    _ => throw new ArgumentException($"Column '{feature.Name}' must be double[] or float[].", nameof(columns)),
                };
                values[f] = [];
            }
            else
            {
                var declared = feature.Values ?? throw new ArgumentException($"Categorical feature '{feature.Name}' must declare its values.", nameof(features));
                var column = columns[f] switch
                {
                    byte[] bytes when declared.Count <= CategoricalColumn.MaxByteValues => new CategoricalColumn(bytes),
                    int[] ints => CategoricalColumn.Compact(ints, rowCount, declared.Count),
                    _ => throw new ArgumentException($"Column '{feature.Name}' must be int[] (or byte[] for at most {CategoricalColumn.MaxByteValues} values).", nameof(columns)),
                };
                foreach (var code in column)
                {
                    if (code < MissingCode || code >= declared.Count)
                    {
                        throw new ArgumentException($"Column '{feature.Name}' has code {code} outside its {declared.Count} values.", nameof(columns));
                    }
                }

                categorical[f] = column;
                values[f] = [.. declared];
            }
        }

        return new MixedDataMatrix([.. features], rowCount, numeric, categorical, values);
    }

    internal static MixedDataMatrix FromBuilder(
        IReadOnlyList<FeatureDefinition> features, int rowCount, NumericColumn?[] numeric, CategoricalColumn?[] categorical, string[][] values) =>
        new([.. features], rowCount, numeric, categorical, values);
}
