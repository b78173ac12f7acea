namespace Datawijs.Api.Audit;

/// <summary>The processing activities of the transparency part, as recorded in the access log.</summary>
public static class ProcessingActivities
{
    /// <summary>Advice on a fitting profile for a client, and the case worker's decision on it.</summary>
    public const string ProfileAdvice = "profile-advice";

    /// <summary>Handling a citizen's objection to the use of a profile.</summary>
    public const string ObjectionHandling = "objection-handling";

    /// <summary>The citizen looks at their own data through the portal.</summary>
    public const string CitizenAccess = "citizen-access";

    /// <summary>Making profiles from pseudonymised records (uploads and clusterings); not logged per record.</summary>
    public const string ProfileMaking = "profile-making";
}
