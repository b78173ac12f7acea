namespace Datawijs.Domain.Maturity;

/// <summary>The attributes of an organisation that decide its peer groups.</summary>
/// <param name="Inhabitants">Inhabitants of the municipality the organisation serves; <c>null</c> when unknown.</param>
/// <param name="Owner">The tenant the organisation belongs to: a benchmark leaves the viewer's own organisations out and counts the others' tenants.</param>
public sealed record PeerOrganisation(string Id, OrganisationKind Kind, int? Inhabitants, string Owner)
{
    public MunicipalSizeClass? SizeClass => Inhabitants is { } n ? MunicipalSizeClasses.For(n) : null;
}
