namespace Datawijs.Domain.Maturity;

/// <summary>
/// A CBS municipal size class (gemeentegrootteklasse) by number of inhabitants:
/// <see cref="MinInhabitants"/> ≤ inhabitants &lt; <see cref="MaxInhabitantsExclusive"/> (no upper bound when null).
/// </summary>
public sealed record MunicipalSizeClass(string Id, int Order, int MinInhabitants, int? MaxInhabitantsExclusive, LocalizedText Name)
{
    public bool Contains(int inhabitants) =>
        inhabitants >= MinInhabitants && (MaxInhabitantsExclusive is not { } max || inhabitants < max);
}
