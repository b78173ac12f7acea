using System.Globalization;
using System.Text;
using Datawijs.Client;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.EndToEnd.Tests;

/// <summary>Synthetic food-bank households as the API takes them: the dataset declaration and CSV/NDJSON bodies.</summary>
public static class FoodBankData
{
    public static CreateDatasetRequest Declaration(string name = "Voedselbank (synthetisch)") => new()
    {
        Name = name,
        Purpose = "Groups of households to tailor support (synthetic test data).",
        // The uploads below carry client numbers ("client-1"), not BSNs.
        SubjectIdKind = SubjectIdKind.Other,
        RetentionUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
        Features = FoodBankHouseholds.Features.Select(f => new DatasetFeatureInput
        {
            Name = f.Name,
            Type = f.Type == FeatureType.Numeric ? "numeric" : "categorical",
            Values = f.Values?.ToList(),
            Min = f.Min,
            Max = f.Max,
            WholeNumber = f.WholeNumber ? true : null,
            Role = f.Role.ToString().ToLowerInvariant(),
            Mutable = f.Mutable,
        }).ToList(),
    };

    /// <summary>CSV with a header row; subject ids are made up ("client-1"...).</summary>
    public static string Csv(int count, long seed = 7)
    {
        var data = FoodBankHouseholds.Generate(count, seed);
        var sb = new StringBuilder("subjectId," + string.Join(',', data.Features.Select(f => f.Name)) + "\r\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("client-").Append(i + 1);
            foreach (var cell in Cells(data, i))
            {
                sb.Append(',').Append(cell);
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    public static string Ndjson(int count, long seed = 7)
    {
        var data = FoodBankHouseholds.Generate(count, seed);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append("{\"subjectId\":\"client-").Append(i + 1).Append('"');
            var cells = Cells(data, i).ToList();
            for (var f = 0; f < data.Features.Count; f++)
            {
                sb.Append(",\"").Append(data.Features[f].Name).Append("\":");
                sb.Append(data.Features[f].Type == FeatureType.Numeric ? cells[f] : "\"" + cells[f] + "\"");
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }

    public static HttpContent CsvContent(string csv) => new StringContent(csv, Encoding.UTF8, "text/csv");

    public static HttpContent NdjsonContent(string ndjson) => new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");

    private static IEnumerable<string> Cells(SyntheticDataset data, int row)
    {
        for (var f = 0; f < data.Features.Count; f++)
        {
            yield return data.Features[f].Type == FeatureType.Numeric
                ? data.Matrix.Numeric(f)[row].ToString(CultureInfo.InvariantCulture)
                : data.Matrix.CategoryValues(f)[data.Matrix.Categorical(f)[row]];
        }
    }

    /// <summary>An advice request for one subject with these features.</summary>
    public static CreateAssignmentRequest Ask(string subjectId, Dictionary<string, FeatureValue> features) => new()
    {
        SubjectId = subjectId,
        Features = features,
    };

    /// <summary>The clustering features of one synthetic household (never the protected one).</summary>
    public static Dictionary<string, FeatureValue> Household(int row)
    {
        var data = FoodBankHouseholds.Generate(50, seed: 99);
        var values = new Dictionary<string, FeatureValue>();
        foreach (var feature in data.Features.Where(f => f.InDistance))
        {
            var index = data.Matrix.IndexOf(feature.Name);
            values[feature.Name] = feature.Type == FeatureType.Numeric
                ? Math.Round(data.Matrix.Numeric(index)[row], 0, MidpointRounding.AwayFromZero)
                : (FeatureValue)data.Matrix.CategoryValues(index)[data.Matrix.Categorical(index)[row]];
        }

        return values;
    }
}
