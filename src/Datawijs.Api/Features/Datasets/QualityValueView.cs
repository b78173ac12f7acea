namespace Datawijs.Api.Features.Datasets;

public sealed class QualityValueView
{
    public string Value { get; init; } = "";

    public QualityCountView Count { get; init; } = new();
}
