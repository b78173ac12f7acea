namespace Datawijs.Domain.Objections;

/// <summary>What a citizen objects to. The values are stored and sent as they are.</summary>
public static class ObjectionKinds
{
    /// <summary>"Dit ben ik niet": the profile does not fit the subject.</summary>
    public const string NotMe = "notMe";

    /// <summary>"Ik wil dit niet": the subject does not want profiles used for them.</summary>
    public const string DoNotWant = "doNotWant";

    public static readonly IReadOnlyList<string> All = [NotMe, DoNotWant];
}
