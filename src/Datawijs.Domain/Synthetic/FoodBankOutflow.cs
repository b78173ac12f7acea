using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Synthetic;

/// <summary>
/// A synthetic outflow outcome for generated food-bank households: how many months each household has been a
/// client, and whether it has left or is still a client at the extract. Plausible, not real: households started
/// at an even spread over the last eight years, and the time to leaving follows a Weibull curve (few leave in the
/// first months) that is slower with children and on social assistance, faster without a benefit. Over the
/// whole file about 14 % have been clients for less than 6 months and about 55 % for more than a year, counting
/// those still in. Whole months, so many households share a time (ties).
/// </summary>
public static class FoodBankOutflow
{
    public const string DurationFeature = "monthsAsClient";
    public const string EventFeature = "clientStatus";
    public const string Left = "left";
    public const string StillClient = "stillClient";

    /// <summary>The two outcome features, to add to a dataset's declaration.</summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        new(DurationFeature, FeatureType.Numeric, FeatureRole.Duration, Mutable: false, Min: 0, Max: 600,
            Label: new LocalizedText("maanden klant", "months as a client"), DurationUnit: DurationUnit.Months),
        new(EventFeature, FeatureType.Categorical, FeatureRole.Event, Mutable: false, Values: [Left, StillClient],
            Label: new LocalizedText("gestopt als klant", "stopped as a client"),
            ValueLabels: new Dictionary<string, LocalizedText>
            {
                [Left] = new("gestopt", "left"),
                [StillClient] = new("nog klant", "still a client"),
            },
            EventValue: Left),
    ];

    /// <summary>Months as a client and whether the household left, for every row of <paramref name="data"/>.</summary>
    public static (int[] Months, bool[] Left) Generate(SyntheticDataset data, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = data.Matrix;
        var n = matrix.RowCount;
        var children = Index(matrix, "children", FeatureType.Numeric);
        var benefit = Index(matrix, "benefitType", FeatureType.Categorical);
        var random = new DeterministicRandom(seed, 0x0f1, 0x0f2);
        var months = new int[n];
        var left = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var scale = 15.5;
            if (children >= 0 && matrix.Numeric(children)[i] > 0)
            {
                scale *= 1.4;
            }

            if (benefit >= 0 && matrix.Categorical(benefit)[i] is var code and >= 0)
            {
                scale *= matrix.CategoryValues(benefit)[code] switch
                {
                    "none" => 0.7,
                    "socialAssistance" => 1.2,
                    _ => 1.0,
                };
            }

            var time = scale * Math.Pow(-Math.Log(1 - random.NextDouble()), 1 / 2.2);
            var sinceStart = random.NextDouble() * 96;
            left[i] = time <= sinceStart;
            months[i] = (int)Math.Round(Math.Min(time, sinceStart), MidpointRounding.AwayFromZero);
        }

        return (months, left);
    }

    private static int Index(MixedDataMatrix matrix, string name, FeatureType type)
    {
        for (var f = 0; f < matrix.Features.Count; f++)
        {
            if (matrix.Features[f].Name == name && matrix.Features[f].Type == type)
            {
                return f;
            }
        }

        return -1;
    }
}
