using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Outflow;

/// <summary>
/// One feature for <see cref="CoxRegression"/>, one value per household in the row order of
/// <see cref="SurvivalData"/>. Categorical: codes into <see cref="Values"/>, −1 = missing; it enters as
/// indicator columns against its most frequent value. Numeric: NaN = missing; it enters standardised
/// (divided by its sample standard deviation), so the hazard ratio is per one standard deviation.
/// </summary>
public sealed class CoxCovariate
{
    private CoxCovariate(string feature, int[]? codes, IReadOnlyList<string>? values, double[]? numbers)
    {
        Feature = feature;
        Codes = codes;
        Values = values;
        Numbers = numbers;
    }

    public string Feature { get; }

    public bool IsNumeric => Numbers is not null;

    /// <summary>The category names of a categorical covariate (null for a numeric one).</summary>
    public IReadOnlyList<string>? Values { get; }

    internal int[]? Codes { get; }

    internal double[]? Numbers { get; }

    internal int Count => Codes?.Length ?? Numbers!.Length;

    internal bool IsMissing(int row) => Codes is { } codes ? codes[row] < 0 : double.IsNaN(Numbers![row]);

    public static CoxCovariate Categorical(string feature, ReadOnlySpan<int> codes, IReadOnlyList<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var code in codes)
        {
            if (code >= values.Count)
            {
                throw new ArgumentException($"Code {code} of '{feature}' has no value (there are {values.Count}).", nameof(codes));
            }
        }

        return new CoxCovariate(feature, codes.ToArray(), values, null);
    }

    public static CoxCovariate Numeric(string feature, ReadOnlySpan<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        var copy = values.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (double.IsInfinity(copy[i]))
            {
                copy[i] = double.NaN;
            }
        }

        return new CoxCovariate(feature, null, null, copy);
    }

    /// <summary>Every feature of the matrix that enters the distance (the clustering features), in declared order.</summary>
    public static IReadOnlyList<CoxCovariate> FromClusteringFeatures(MixedDataMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var covariates = new List<CoxCovariate>();
        for (var f = 0; f < matrix.Features.Count; f++)
        {
            var feature = matrix.Features[f];
            if (!feature.InDistance)
            {
                continue;
            }

            covariates.Add(feature.Type == FeatureType.Numeric
                ? Numeric(feature.Name, matrix.Numeric(f).ToArray())
                : Categorical(feature.Name, matrix.Categorical(f).ToArray(), matrix.CategoryValues(f)));
        }

        return covariates;
    }
}
