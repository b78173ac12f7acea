namespace Datawijs.Data.Changes;

/// <summary>The kinds of cached data whose changes are counted per tenant.</summary>
public static class ChangeKinds
{
    /// <summary>A client was added or revoked.</summary>
    public const string Clients = "clients";

    /// <summary>A profile set was published or retired, or a dataset (with its sets) deleted.</summary>
    public const string PublishedProfileSet = "published-profile-set";

    /// <summary>A scan was completed or an organisation's kind or size changed: the peers of every benchmark.</summary>
    public const string Peers = "peers";
}
