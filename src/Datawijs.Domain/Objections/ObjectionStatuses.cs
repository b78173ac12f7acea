namespace Datawijs.Domain.Objections;

/// <summary>Where an objection stands. The values are stored and sent as they are.</summary>
public static class ObjectionStatuses
{
    /// <summary>Filed and not yet reviewed: the subject's advice is not given meanwhile.</summary>
    public const string Open = "open";

    /// <summary>A person found the objection right: profiles are no longer used for the subject.</summary>
    public const string Upheld = "upheld";

    /// <summary>A person found the objection not right: the restriction ends and advice may be given again.</summary>
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Open, Upheld, Rejected];

    /// <summary>What a review may conclude.</summary>
    public static readonly IReadOnlyList<string> ReviewOutcomes = [Upheld, Rejected];
}
