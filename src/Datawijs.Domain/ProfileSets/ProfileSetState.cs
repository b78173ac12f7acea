namespace Datawijs.Domain.ProfileSets;

/// <summary>
/// Where a profile set is in its life. A draft can be named and published; a published set is what the
/// public and the advice see (one per tenant at a time); a retired set keeps what it showed but is no longer
/// public or used. Retired is final.
/// </summary>
public enum ProfileSetState
{
    Draft,
    Published,
    Retired,
}
