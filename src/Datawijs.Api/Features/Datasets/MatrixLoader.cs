using System.Globalization;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>Reads stored records into the clustering matrix.</summary>
public static class MatrixLoader
{
    public static async Task<MixedDataMatrix> LoadAsync(IReadOnlyList<FeatureDefinition> features, IAsyncEnumerable<string> records, int expectedRows = 1024)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new MixedDataMatrixBuilder(features, expectedRows);
        var cells = new string?[features.Count];
        await foreach (var stored in records)
        {
            var parts = stored.Split(DatasetRepository.CellSeparator);
            for (var f = 0; f < cells.Length; f++)
            {
                cells[f] = f < parts.Length && parts[f].Length > 0 ? parts[f] : null;
            }

            if (!builder.TryAddRow(cells, out var problem))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A stored record does not match the dataset's features: {problem}"));
            }
        }

        return builder.Build();
    }
}
