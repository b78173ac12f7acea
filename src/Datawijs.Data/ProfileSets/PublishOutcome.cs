namespace Datawijs.Data.ProfileSets;

/// <summary>How a publication with history ended.</summary>
public enum PublishOutcome
{
    Published,

    /// <summary>The set is no longer a draft.</summary>
    NotDraft,

    /// <summary>Another set of the same dataset was published since the history was read: check again.</summary>
    HistoryChanged,
}
