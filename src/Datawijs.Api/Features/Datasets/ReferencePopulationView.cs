using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The reference population of a dataset: aggregate counts for all households of the municipality.</summary>
public sealed class ReferencePopulationView
{
    public string Source { get; init; } = "";

    public int Year { get; init; }

    /// <summary>All households of the municipality.</summary>
    public int Households { get; init; }

    /// <summary>The dataset's records as a share of all households, in percent with one decimal (191 of 11,346 is 1.7).</summary>
    public double ClientSharePercent { get; init; }

    /// <summary>Per categorical feature: households per declared value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Categorical { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

    /// <summary>Per numeric feature: households per band (min inclusive, max exclusive; the last band includes its max).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReferenceBandView>> Numeric { get; init; } = new Dictionary<string, IReadOnlyList<ReferenceBandView>>();

    public static ReferencePopulationView From(ReferencePopulation reference, long records)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ReferencePopulationView
        {
            Source = reference.Source,
            Year = reference.Year,
            Households = reference.Households,
            ClientSharePercent = ReferencePopulations.ClientSharePercent(records, reference),
            Categorical = reference.Categorical,
            Numeric = reference.Numeric.ToDictionary(
                kv => kv.Key, kv => (IReadOnlyList<ReferenceBandView>)kv.Value.Select(b => new ReferenceBandView { Min = b.Min, Max = b.Max, Households = b.Households }).ToList()),
        };
    }
}
