namespace Datawijs.Api.Features.Datasets.SetReferencePopulation;

/// <summary>Households whose value lies from <c>min</c> (inclusive) up to <c>max</c> (exclusive; inclusive for the last band).</summary>
public sealed class ReferenceBandInput
{
    public double Min { get; set; }

    public double Max { get; set; }

    public int Households { get; set; }
}
