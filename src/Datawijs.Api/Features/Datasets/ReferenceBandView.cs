namespace Datawijs.Api.Features.Datasets;

public sealed class ReferenceBandView
{
    public double Min { get; init; }

    public double Max { get; init; }

    public int Households { get; init; }
}
