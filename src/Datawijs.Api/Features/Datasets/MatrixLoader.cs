using System.Globalization;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The clustering matrix of a dataset with, when it declares one, the outflow outcome of every row.</summary>
public sealed record LoadedRecords(MixedDataMatrix Matrix, double[]? Durations, bool[]? Events);

/// <summary>
/// Reads stored records into the clustering matrix. Outcome features (duration and event) never enter
/// the matrix: so they take no part in the distance, the profile descriptions, the disclosure gate, the
/// advice or the counterfactuals, which all work on the matrix's features.
/// </summary>
public static class MatrixLoader
{
    /// <summary>The features that enter the matrix, in declared order: every feature except the outcome.</summary>
    public static IReadOnlyList<FeatureDefinition> MatrixFeatures(IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Where(f => !f.IsOutcome).ToList();
    }

    public static async Task<MixedDataMatrix> LoadAsync(IReadOnlyList<FeatureDefinition> features, IAsyncEnumerable<string> records, int expectedRows = 1024) =>
        (await LoadWithOutcomeAsync(features, records, expectedRows)).Matrix;

    public static async Task<LoadedRecords> LoadWithOutcomeAsync(IReadOnlyList<FeatureDefinition> features, IAsyncEnumerable<string> records, int expectedRows = 1024)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(records);
        var inMatrix = new List<int>();
        var durationIndex = -1;
        var eventIndex = -1;
        for (var f = 0; f < features.Count; f++)
        {
            switch (features[f].Role)
            {
                case FeatureRole.Duration: durationIndex = f; break;
                case FeatureRole.Event: eventIndex = f; break;
                default: inMatrix.Add(f); break;
            }
        }

        var hasOutcome = durationIndex >= 0 && eventIndex >= 0;
        var eventValue = hasOutcome ? features[eventIndex].EventValue : null;
        var durations = hasOutcome ? new List<double>(expectedRows) : null;
        var events = hasOutcome ? new List<bool>(expectedRows) : null;
        var builder = new MixedDataMatrixBuilder(inMatrix.Select(f => features[f]).ToList(), expectedRows);
        var cells = new string?[inMatrix.Count];
        await foreach (var stored in records)
        {
            var parts = stored.Split(DatasetRepository.CellSeparator);
            string? Cell(int f) => f < parts.Length && parts[f].Length > 0 ? parts[f] : null;
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Cell(inMatrix[c]);
            }

            if (!builder.TryAddRow(cells, out var problem))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {problem}"));
            }

            if (hasOutcome)
            {
                // Upload refuses a missing or negative duration and a missing event, so every stored row has both.
                durations!.Add(double.Parse(Cell(durationIndex) ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture));
                events!.Add(string.Equals(Cell(eventIndex), eventValue, StringComparison.Ordinal));
            }
        }

        return new LoadedRecords(builder.Build(), durations?.ToArray(), events?.ToArray());
    }
}
