using System.Numerics;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>Describes clusters by what is relatively more frequent in them than in the whole dataset.</summary>
public static class ProfileDescriber
{
    /// <summary>
    /// Describes the clusters of a fit: the numeric features on one thread while the categorical ones are
    /// counted on another (each feature on one thread, so the figures are the same). One thread only for
    /// the numerics, because each holds a buffer of one value per household while it takes the medians.
    /// </summary>
    public static ProfileSetDescription Describe(MixedDataMatrix matrix, ClusteringResult result, ProfileDescriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(result);
        var labels = result.LabelArray;
        var k = result.K;
        var (sizes, alpha) = Prepare(matrix, labels, k, options);
        var described = new Described[matrix.Features.Count];
        void Lane(FeatureType type)
        {
            var buffer = new MedianBuffers();
            for (var f = 0; f < described.Length; f++)
            {
                if (matrix.Features[f].Type == type)
                {
                    described[f] = DescribeFeature(matrix, f, labels, k, sizes, alpha, buffer);
                }
            }
        }

        Parallel.Invoke(() => Lane(FeatureType.Numeric), () => Lane(FeatureType.Categorical));
        return Assemble(matrix, described, sizes, k);
    }

    /// <summary>Describes clusters 0..k−1 given the label of every row of the matrix.</summary>
    public static ProfileSetDescription Describe(MixedDataMatrix matrix, ReadOnlySpan<int> labels, int k, ProfileDescriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var (sizes, alpha) = Prepare(matrix, labels, k, options);
        var described = new Described[matrix.Features.Count];
        var buffer = new MedianBuffers();
        for (var f = 0; f < described.Length; f++)
        {
            described[f] = DescribeFeature(matrix, f, labels, k, sizes, alpha, buffer);
        }

        return Assemble(matrix, described, sizes, k);
    }

    private static (int[] Sizes, double Alpha) Prepare(MixedDataMatrix matrix, ReadOnlySpan<int> labels, int k, ProfileDescriptionOptions? options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (labels.Length != matrix.RowCount)
        {
            throw new ArgumentException("One label per row is required.", nameof(labels));
        }

        var sizes = new int[k];
        foreach (var label in labels)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(label, nameof(labels));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(label, k, nameof(labels));
            sizes[label]++;
        }

        return (sizes, (options ?? new ProfileDescriptionOptions()).Alpha);
    }

    private static Described DescribeFeature(MixedDataMatrix matrix, int f, ReadOnlySpan<int> labels, int k, int[] sizes, double alpha, MedianBuffers buffer)
    {
        if (matrix.Features[f].Type == FeatureType.Categorical)
        {
            return new Described(DescribeCategorical(matrix, f, labels, k, sizes, alpha), null);
        }

        var column = matrix.Numeric(f);
        var n = matrix.RowCount;
        return new Described(null, column.SingleValues is { } singles
            ? DescribeNumeric(matrix, f, singles, labels, k, buffer.Singles ??= new float[n])
            : DescribeNumeric(matrix, f, column.DoubleValues ?? [], labels, k, buffer.Doubles ??= new double[n]));
    }

    private static ProfileSetDescription Assemble(MixedDataMatrix matrix, Described[] described, int[] sizes, int k)
    {
        var categorical = new List<CategoryDistribution>[k];
        var protectedCategorical = new List<CategoryDistribution>[k];
        var numeric = new List<NumericSummary>[k];
        var protectedNumeric = new List<NumericSummary>[k];
        for (var j = 0; j < k; j++)
        {
            categorical[j] = [];
            protectedCategorical[j] = [];
            numeric[j] = [];
            protectedNumeric[j] = [];
        }

        for (var f = 0; f < matrix.Features.Count; f++)
        {
            var isProtected = matrix.Features[f].Role == FeatureRole.Protected;
            if (described[f].Categories is { } distributions)
            {
                for (var j = 0; j < k; j++)
                {
                    (isProtected ? protectedCategorical : categorical)[j].Add(distributions[j]);
                }
            }
            else
            {
                var summaries = described[f].Numbers!;
                for (var j = 0; j < k; j++)
                {
                    (isProtected ? protectedNumeric : numeric)[j].Add(summaries[j]);
                }
            }
        }

        var profiles = new ProfileDescription[k];
        for (var j = 0; j < k; j++)
        {
            var highlights = new List<Highlight>();
            foreach (var distribution in categorical[j])
            {
                foreach (var cell in distribution.Cells)
                {
                    if (cell.RelativelyMoreFrequent && cell.Value is not null)
                    {
                        highlights.Add(new Highlight(distribution.Feature, cell.Value, cell.Lift, cell.PValue));
                    }
                }
            }

            // Strongest first; the sort is stable, so equal lifts keep feature order.
            var ordered = highlights.OrderByDescending(h => h.Lift).ToArray();
            profiles[j] = new ProfileDescription(j, sizes[j], categorical[j], numeric[j], protectedCategorical[j], protectedNumeric[j], ordered);
        }

        return new ProfileSetDescription(matrix.RowCount, matrix.Features, profiles);
    }

    private static CategoryDistribution[] DescribeCategorical(MixedDataMatrix matrix, int f, ReadOnlySpan<int> labels, int k, int[] sizes, double alpha)
    {
        var feature = matrix.Features[f];
        var values = matrix.CategoryValues(f);
        var codes = matrix.Categorical(f);
        var width = values.Count + 1; // last slot: unknown
        var counts = new int[k * width];
        var population = new int[width];
        for (var i = 0; i < codes.Length; i++)
        {
            var slot = codes[i] >= 0 ? codes[i] : values.Count;
            counts[(labels[i] * width) + slot]++;
            population[slot]++;
        }

        var n = codes.Length;
        var hasUnknown = population[values.Count] > 0;
        var result = new CategoryDistribution[k];
        for (var j = 0; j < k; j++)
        {
            var cells = new List<CategoryCell>(width);
            for (var v = 0; v < width; v++)
            {
                if (v == values.Count && !hasUnknown)
                {
                    break;
                }

                cells.Add(Cell(v < values.Count ? values[v] : null, counts[(j * width) + v], sizes[j], population[v], n, alpha));
            }

            result[j] = new CategoryDistribution(f, feature.Name, feature.Role, cells);
        }

        return result;
    }

    private static CategoryCell Cell(string? value, int count, int size, int populationCount, int n, double alpha)
    {
        var share = size > 0 ? (double)count / size : 0;
        var populationShare = n > 0 ? (double)populationCount / n : 0;
        var lift = populationShare > 0 ? share / populationShare : 0;
        var (z, p) = TwoProportionZTest(count, size, populationCount - count, n - size);
        return new CategoryCell(value, count, size, populationCount, n, share, populationShare, lift, z, p, lift > 1 && p < alpha);
    }

    /// <summary>
    /// Two-proportion z-test of x1/n1 against x2/n2 with the pooled standard error; two-sided p-value.
    /// (0, 1) when a group is empty or the pooled share is 0 or 1. The normal approximation is rough for
    /// small expected counts; those cells are suppressed at publication anyway (fewer than 10).
    /// </summary>
    public static (double Z, double PValue) TwoProportionZTest(int x1, int n1, int x2, int n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return (0, 1);
        }

        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (!(se > 0))
        {
            return (0, 1);
        }

        var z = (((double)x1 / n1) - ((double)x2 / n2)) / se;
        return (z, TwoSidedPValue(z));
    }

    /// <summary>Two-sided p-value of a standard normal z: P(|Z| ≥ |z|) = erfc(|z| / √2).</summary>
    public static double TwoSidedPValue(double z) => Math.Min(1.0, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    /// <summary>Complementary error function (Chebyshev fit, Numerical Recipes erfcc; relative error &lt; 1.2e-7).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = c[^1];
        for (var i = c.Length - 2; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    // The column's values are gathered in their stored form (floats for most columns: half the memory, and the
    // same median, since a float converts to a double exactly), in one buffer shared by the numeric features.
    private static NumericSummary[] DescribeNumeric<T>(MixedDataMatrix matrix, int f, ReadOnlySpan<T> column, ReadOnlySpan<int> labels, int k, T[] values)
        where T : struct, IFloatingPointIeee754<T>
    {
        var feature = matrix.Features[f];
        var counts = new int[k];
        var total = 0;
        for (var i = 0; i < column.Length; i++)
        {
            if (!T.IsNaN(column[i]))
            {
                counts[labels[i]]++;
                total++;
            }
        }

        // The buffer is used twice: all values for the dataset's median, then grouped by cluster for each cluster's median.
        var next = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (!T.IsNaN(x))
            {
                values[next++] = x;
            }
        }

        var overall = Median(values, 0, total);
        var offsets = new int[k];
        for (var j = 1; j < k; j++)
        {
            offsets[j] = offsets[j - 1] + counts[j - 1];
        }

        var fill = (int[])offsets.Clone();
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (!T.IsNaN(x))
            {
                values[fill[labels[i]]++] = x;
            }
        }

        var result = new NumericSummary[k];
        for (var j = 0; j < k; j++)
        {
            result[j] = new NumericSummary(f, feature.Name, feature.Role, counts[j], Median(values, offsets[j], counts[j]), total, overall);
        }

        return result;
    }

    /// <summary>
    /// The median (mean of the middle two for an even count) of values[start .. start + count); NaN for
    /// none. Reorders that part. A selection, not a sort: the same value in linear expected time (the
    /// sorts of every numeric feature's values took most of describing a large dataset).
    /// </summary>
    private static double Median<T>(T[] values, int start, int count)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (count == 0)
        {
            return double.NaN;
        }

        var part = values.AsSpan(start, count);
        var mid = count / 2;
        var upper = double.CreateTruncating(Select(part, mid));
        if (count % 2 == 1)
        {
            return upper;
        }

        // Select leaves the mid smallest values before position mid: the largest of them is the
        // value a sort would have put just before it.
        var lower = part[0];
        foreach (var x in part[1..mid])
        {
            lower = T.Max(lower, x);
        }

        return (double.CreateTruncating(lower) + upper) / 2;
    }

    /// <summary>
    /// The value a sort would put at <paramref name="rank"/> (no NaN in <paramref name="values"/>), by
    /// quickselect with a three-way partition (columns such as ages or numbers of children repeat a few
    /// values many times) and a median-of-three pivot. Afterwards every value before rank is at most it.
    /// Partitions that shrink too slowly fall back to a sort, so the worst case is n log n.
    /// </summary>
    internal static T Select<T>(Span<T> values, int rank)
        where T : struct, IFloatingPointIeee754<T>
    {
        var budget = 2 * (BitOperations.Log2((uint)values.Length) + 1);
        while (values.Length > 16)
        {
            if (budget-- == 0)
            {
                break;
            }

            var pivot = MedianOfThree(values[0], values[values.Length / 2], values[^1]);

            // Dutch national flag: [0, less) < pivot, [less, i) == pivot, (greater, end) > pivot.
            var less = 0;
            var i = 0;
            var greater = values.Length - 1;
            while (i <= greater)
            {
                var x = values[i];
                if (x < pivot)
                {
                    (values[less], values[i]) = (values[i], values[less]);
                    less++;
                    i++;
                }
                else if (x > pivot)
                {
                    (values[i], values[greater]) = (values[greater], values[i]);
                    greater--;
                }
                else
                {
                    i++;
                }
            }

            if (rank < less)
            {
                values = values[..less];
            }
            else if (rank <= greater)
            {
                return pivot;
            }
            else
            {
                values = values[(greater + 1)..];
                rank -= greater + 1;
            }
        }

        values.Sort();
        return values[rank];
    }

    private static T MedianOfThree<T>(T a, T b, T c)
        where T : struct, IFloatingPointIeee754<T> => T.Max(T.Min(a, b), T.Min(T.Max(a, b), c));

    private readonly record struct Described(CategoryDistribution[]? Categories, NumericSummary[]? Numbers);

    /// <summary>One buffer per stored form, made when the first numeric feature of that form is described.</summary>
    private sealed class MedianBuffers
    {
        public float[]? Singles;

        public double[]? Doubles;
    }
}
