namespace Datawijs.Domain.Assignments;

/// <summary>Why a decision on an assignment is not recorded.</summary>
public enum DecisionRefusal
{
    /// <summary>A person decides: the decider has no user id.</summary>
    PersonRequired,

    /// <summary>The outcome is neither follows nor deviates.</summary>
    UnknownOutcome,

    /// <summary>A decision states its reasoning.</summary>
    ReasoningRequired,

    /// <summary>A decision is recorded once.</summary>
    AlreadyDecided,

    /// <summary>The subject's objection is open: no decision is recorded on advice that is not given.</summary>
    Contested,

    /// <summary>An upheld objection withdrew the advice.</summary>
    Withdrawn,
}
