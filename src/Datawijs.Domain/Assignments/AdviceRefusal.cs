namespace Datawijs.Domain.Assignments;

/// <summary>Why no new advice is given for a subject.</summary>
public enum AdviceRefusal
{
    /// <summary>The subject's objection is open: no advice until a person reviews it.</summary>
    ObjectionOpen,

    /// <summary>An objection of the subject was upheld: profiles are no longer used for them.</summary>
    ObjectionUpheld,
}
