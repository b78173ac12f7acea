namespace Datawijs.Domain.Assignments;

/// <summary>Where an assignment stands; see <see cref="Assignment.StatusWith"/>.</summary>
public enum AssignmentStatus
{
    /// <summary>Advice only: no person has decided yet.</summary>
    Advice,

    /// <summary>A person recorded their own decision (following or deviating from the advice).</summary>
    Decided,

    /// <summary>The subject objected and the objection is open: the advice is not given.</summary>
    Contested,

    /// <summary>An upheld objection stopped the use of this advice.</summary>
    Withdrawn,
}
