namespace Datawijs.Domain.Objections;

/// <summary>What a subject's objections say about the use of profiles for them right now.</summary>
/// <param name="HasOpen">An objection is open: the advice is not given until a person reviews it.</param>
/// <param name="HasUpheld">An objection was upheld: profiles are no longer used for this subject.</param>
public readonly record struct SubjectRestriction(bool HasOpen, bool HasUpheld)
{
    /// <summary>No new advice is given for the subject.</summary>
    public bool Restricted => HasOpen || HasUpheld;

    /// <summary>
    /// The restriction from the statuses of all the subject's objections: filing restricts at once (open), an upheld
    /// objection restricts for good, and a rejected one restricts nothing.
    /// </summary>
    public static SubjectRestriction From(IEnumerable<string> objectionStatuses)
    {
        ArgumentNullException.ThrowIfNull(objectionStatuses);
        var statuses = objectionStatuses as IReadOnlyCollection<string> ?? objectionStatuses.ToList();
        return new SubjectRestriction(statuses.Contains(ObjectionStatuses.Open), statuses.Contains(ObjectionStatuses.Upheld));
    }
}
