namespace Datawijs.Domain.Clustering;

/// <summary>
/// One household, every feature by feature index: <see cref="Number"/> for numeric features (NaN =
/// missing or not numeric) and <see cref="Code"/> for categorical ones (-1 = missing or not categorical).
/// </summary>
public sealed class MixedRow(IReadOnlyList<double> numbers, IReadOnlyList<int> codes)
{
    public IReadOnlyList<double> Numbers { get; } = numbers;

    public IReadOnlyList<int> Codes { get; } = codes;

    public double Number(int featureIndex) => Numbers[featureIndex];

    public int Code(int featureIndex) => Codes[featureIndex];
}
