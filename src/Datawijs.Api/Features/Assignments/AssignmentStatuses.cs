using Datawijs.Domain.Assignments;

namespace Datawijs.Api.Features.Assignments;

/// <summary>The wire names of <see cref="AssignmentStatus"/>.</summary>
public static class AssignmentStatuses
{
    /// <summary>Advice only: no person has decided yet.</summary>
    public const string Advice = "advice";

    /// <summary>A case worker recorded their own decision (following or deviating from the advice).</summary>
    public const string Decided = "decided";

    /// <summary>The subject objected and the objection is open: the advice is not given.</summary>
    public const string Contested = "contested";

    /// <summary>An upheld objection stopped the use of this advice.</summary>
    public const string Withdrawn = "withdrawn";

    public static string Of(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Advice => Advice,
        AssignmentStatus.Decided => Decided,
        AssignmentStatus.Contested => Contested,
        AssignmentStatus.Withdrawn => Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
