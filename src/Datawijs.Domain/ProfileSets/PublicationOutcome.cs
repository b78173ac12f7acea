namespace Datawijs.Domain.ProfileSets;

/// <summary>What asking to publish a profile set comes to.</summary>
public enum PublicationOutcome
{
    /// <summary>Every check passes: the set may be published, showing what the disclosure gate lets through.</summary>
    Publishable,

    /// <summary>The set is published or retired: only a draft can be published.</summary>
    NotDraft,

    /// <summary>The set is a draft, but something stops publication (see the blockers).</summary>
    Blocked,
}
