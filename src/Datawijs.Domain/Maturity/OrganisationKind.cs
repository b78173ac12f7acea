namespace Datawijs.Domain.Maturity;

/// <summary>What kind of organisation was scanned; one of the peer-group dimensions.</summary>
public enum OrganisationKind
{
    Municipality,
    Department,
    Partner,
    Other,
}
