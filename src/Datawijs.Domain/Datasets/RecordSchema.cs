using System.Globalization;

namespace Datawijs.Domain.Datasets;

/// <summary>One reason why a cell of an uploaded row cannot be stored.</summary>
public sealed record CellProblem(string Column, string Reason);

/// <summary>
/// Checks and normalises the cells of one uploaded record against the declared features, without
/// keeping anything: memory stays flat however many rows are checked. Numbers are written back in
/// invariant culture (round-trip), categorical values must be declared values (ordinal), empty = missing.
/// </summary>
public sealed class RecordSchema
{
    private readonly IReadOnlyList<FeatureDefinition> features;
    private readonly HashSet<string>?[] allowed;

    public RecordSchema(IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = features;
        allowed = features.Select(f => f.Type == FeatureType.Categorical ? new HashSet<string>(f.Values ?? [], StringComparer.Ordinal) : null).ToArray();
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
            var feature = features[f];
            var cell = cells[f]?.Trim();
            if (string.IsNullOrEmpty(cell))
            {
                cells[f] = null;
                continue;
            }

            if (feature.Type == FeatureType.Numeric)
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                {
                    problems.Add(new CellProblem(feature.Name, $"'{Shorten(cell)}' is not a number (use a point as decimal separator)."));
                    continue;
                }

                if ((feature.Min is { } min && x < min) || (feature.Max is { } max && x > max))
                {
                    problems.Add(new CellProblem(feature.Name, $"{x.ToString(CultureInfo.InvariantCulture)} is outside the declared range {Range(feature)}."));
                    continue;
                }

                cells[f] = x.ToString("R", CultureInfo.InvariantCulture);
            }
            else if (allowed[f]!.Contains(cell))
            {
                cells[f] = cell;
            }
            else
            {
                problems.Add(new CellProblem(feature.Name, $"'{Shorten(cell)}' is not one of the declared values ({string.Join(", ", feature.Values ?? [])})."));
            }
        }

        return problems.Count == before;
    }

    private static string Range(FeatureDefinition feature) =>
        string.Create(CultureInfo.InvariantCulture, $"{feature.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}..{feature.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");

    // A cell may hold anything the uploader typed; a problem report quotes only a little of it.
    private static string Shorten(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";
}
