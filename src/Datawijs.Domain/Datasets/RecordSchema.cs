using System.Globalization;
using Datawijs.Domain.Clustering;

namespace Datawijs.Domain.Datasets;

/// <summary>
/// Checks and normalises the cells of one uploaded record against the declared features, without
/// keeping anything: memory stays flat however many rows are checked. Numbers are written back in
/// invariant culture (round-trip), categorical values must be declared values (ordinal), empty = missing.
/// </summary>
public sealed class RecordSchema
{
    private readonly IReadOnlyList<FeatureDefinition> features;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] codes;

    public RecordSchema(IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = features;
        codes = features.Select(f =>
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; f.Type == FeatureType.Categorical && i < (f.Values?.Count ?? 0); i++)
            {
                values.TryAdd(f.Values![i], i);
            }

            return values.GetAlternateLookup<ReadOnlySpan<char>>();
        }).ToArray();
    }

    public IReadOnlyList<FeatureDefinition> Features => features;

    /// <summary>
    /// Normalises <paramref name="cells"/> in place (declared feature order) and adds every problem to
    /// <paramref name="problems"/>; true when the row is fine.
    /// </summary>
    public bool TryNormalise(string?[] cells, List<CellProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        for (var f = 0; f < features.Count; f++)
        {
            if (!TryRead(f, cells[f], problems, out var code, out var x))
            {
                continue;
            }

            cells[f] = features[f].Type == FeatureType.Numeric
                ? double.IsNaN(x) ? null : x.ToString("R", CultureInfo.InvariantCulture)
                : code == MixedDataMatrix.MissingCode ? null : features[f].Values![code];
        }

        return problems.Count == before;
    }

    /// <summary>
    /// Reads one cell of feature <paramref name="featureIndex"/> without allocating (unless it is bad):
    /// blank = missing (code <see cref="MixedDataMatrix.MissingCode"/>, number NaN); a categorical value
    /// gives its code into the declared values (exact, ordinal, after trimming); a numeric one its number
    /// (invariant culture, finite, within the declared range, whole when declared so). False, with the problem added, otherwise.
    /// </summary>
    public bool TryRead(int featureIndex, ReadOnlySpan<char> cell, List<CellProblem> problems, out int code, out double number)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var feature = features[featureIndex];
        code = MixedDataMatrix.MissingCode;
        number = double.NaN;
        cell = cell.Trim();
        if (cell.IsEmpty)
        {
            if (feature.IsOutcome)
            {
                // Without its time or its event a household cannot be counted in the time to outflow.
                problems.Add(new CellProblem(feature.Name, feature.Role == FeatureRole.Duration
                    ? "The duration is missing: give the time to outflow, or to the extract date for a household still in."
                    : "The event is missing: give whether the household left or is still in."));
                return false;
            }

            return true;
        }

        if (feature.Type == FeatureType.Numeric)
        {
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            {
                problems.Add(new CellProblem(feature.Name, $"'{Shorten(cell)}' is not a number (use a point as decimal separator)."));
                return false;
            }

            if (feature.Role == FeatureRole.Duration && x < 0)
            {
                problems.Add(new CellProblem(feature.Name, $"The duration {x.ToString(CultureInfo.InvariantCulture)} is negative: a time to outflow is 0 or more."));
                return false;
            }

            if ((feature.Min is { } min && x < min) || (feature.Max is { } max && x > max))
            {
                problems.Add(new CellProblem(feature.Name, $"{x.ToString(CultureInfo.InvariantCulture)} is outside the declared range {Range(feature)}."));
                return false;
            }

            if (!feature.Accepts(x))
            {
                problems.Add(new CellProblem(feature.Name, $"{x.ToString(CultureInfo.InvariantCulture)} is not a whole number; this feature is declared as a whole number."));
                return false;
            }

            number = x;
            return true;
        }

        if (codes[featureIndex].TryGetValue(cell, out code))
        {
            return true;
        }

        code = MixedDataMatrix.MissingCode;
        problems.Add(new CellProblem(feature.Name, $"'{Shorten(cell)}' is not one of the declared values ({string.Join(", ", feature.Values ?? [])})."));
        return false;
    }

    private static string Range(FeatureDefinition feature) =>
        string.Create(CultureInfo.InvariantCulture, $"{feature.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}..{feature.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");

    // A cell may hold anything the uploader typed; a problem report quotes only a little of it.
    private static string Shorten(ReadOnlySpan<char> cell) => cell.Length <= 40 ? cell.ToString() : string.Concat(cell[..40], "…");
}
