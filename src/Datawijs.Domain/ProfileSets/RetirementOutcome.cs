namespace Datawijs.Domain.ProfileSets;

/// <summary>What asking to retire a profile set comes to.</summary>
public enum RetirementOutcome
{
    /// <summary>A draft or a published set: it is retired, keeping what it showed.</summary>
    Retired,

    /// <summary>The set was retired before; retiring is not repeated.</summary>
    AlreadyRetired,
}
