namespace Datawijs.Domain.Maturity;

/// <summary>The dimension a peer group is drawn along.</summary>
public enum PeerGroupDimension
{
    All,
    OrganisationKind,
    SizeClass,
}
