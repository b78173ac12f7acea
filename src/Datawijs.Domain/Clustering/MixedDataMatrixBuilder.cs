using System.Globalization;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// Builds a <see cref="MixedDataMatrix"/> row by row from text cells (CSV/NDJSON upload), one cell
/// per feature in declared order. Empty or null cells are missing. Numerics are parsed with the
/// invariant culture and checked against Min/Max; categorical cells must be one of the declared values
/// (ordinal), or, when a feature declares none, new values are added in order of appearance.
/// A bad row is refused with a reason (the caller reports row numbers) and leaves the builder unchanged.
/// </summary>
public sealed class MixedDataMatrixBuilder
{
    private readonly IReadOnlyList<FeatureDefinition> features;
    private readonly double[]?[] numeric;
    private readonly int[]?[] categorical;
    private readonly List<string>[] values;
    private readonly Dictionary<string, int>[] lookup;
    private readonly int[] pending;
    private int rowCount;

    public MixedDataMatrixBuilder(IReadOnlyList<FeatureDefinition> features, int initialCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = [.. features];
        var capacity = Math.Max(16, initialCapacity);
        numeric = new double[]?[features.Count];
        categorical = new int[]?[features.Count];
        values = new List<string>[features.Count];
        lookup = new Dictionary<string, int>[features.Count];
        pending = new int[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            values[f] = [.. features[f].Values ?? []];
            lookup[f] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < values[f].Count; c++)
            {
                lookup[f].TryAdd(values[f][c], c);
            }

            if (features[f].Type == FeatureType.Numeric)
            {
                numeric[f] = new double[capacity];
            }
            else
            {
                categorical[f] = new int[capacity];
            }
        }
    }

    public int RowCount => rowCount;

    /// <summary>Adds one row, or refuses it with the first problem found.</summary>
    public bool TryAddRow(ReadOnlySpan<string?> cells, out string? problem)
    {
        if (cells.Length != features.Count)
        {
            problem = $"expected {features.Count} values, got {cells.Length}";
            return false;
        }

        Span<double> parsed = features.Count <= 64 ? stackalloc double[features.Count] : new double[features.Count];
        var newValues = new List<(int Feature, string Value)>();
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            var cell = cells[f];
            if (string.IsNullOrWhiteSpace(cell))
            {
                parsed[f] = double.NaN;
                pending[f] = MixedDataMatrix.MissingCode;
                continue;
            }

            if (feature.Type == FeatureType.Numeric)
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                {
                    problem = $"'{feature.Name}': '{cell}' is not a number";
                    return false;
                }

                if ((feature.Min is { } min && x < min) || (feature.Max is { } max && x > max))
                {
                    problem = $"'{feature.Name}': {x.ToString(CultureInfo.InvariantCulture)} is outside the declared range";
                    return false;
                }

                parsed[f] = x;
            }
            else if (lookup[f].TryGetValue(cell, out var code))
            {
                pending[f] = code;
            }
            else if (feature.Values is null)
            {
                newValues.Add((f, cell));
                pending[f] = int.MinValue;
            }
            else
            {
                problem = $"'{feature.Name}': '{cell}' is not one of the declared values";
                return false;
            }
        }

        foreach (var (f, value) in newValues)
        {
            if (!lookup[f].TryGetValue(value, out var code))
            {
                code = values[f].Count;
                values[f].Add(value);
                lookup[f].Add(value, code);
            }

            pending[f] = code;
        }

        EnsureCapacity(rowCount + 1);
        for (var f = 0; f < features.Count; f++)
        {
            if (numeric[f] is { } n)
            {
                n[rowCount] = parsed[f];
            }
            else
            {
                categorical[f]![rowCount] = pending[f];
            }
        }

        rowCount++;
        problem = null;
        return true;
    }

    /// <summary>The matrix of all rows added so far.</summary>
    public MixedDataMatrix Build()
    {
        var n = new NumericColumn?[features.Count];
        var c = new CategoricalColumn?[features.Count];
        var v = new string[features.Count][];
        for (var f = 0; f < features.Count; f++)
        {
            n[f] = numeric[f] is { } column ? NumericColumn.Compact(column, rowCount) : null;
            c[f] = categorical[f] is { } codes ? CategoricalColumn.Compact(codes, rowCount, values[f].Count) : null;
            v[f] = features[f].Type == FeatureType.Categorical ? [.. values[f]] : [];
        }

        return MixedDataMatrix.FromBuilder(features, rowCount, n, c, v);
    }

    private void EnsureCapacity(int needed)
    {
        for (var f = 0; f < features.Count; f++)
        {
            if (numeric[f] is { } n && n.Length < needed)
            {
                Array.Resize(ref numeric[f], n.Length * 2);
            }

            if (categorical[f] is { } c && c.Length < needed)
            {
                Array.Resize(ref categorical[f], c.Length * 2);
            }
        }
    }
}
