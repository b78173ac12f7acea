namespace Datawijs.Domain.Assignments;

/// <summary>The decision to record, or why none is recorded.</summary>
public sealed record DecisionResult
{
    private DecisionResult(AssignmentDecision? decision, DecisionRefusal? refusal) => (Decision, Refusal) = (decision, refusal);

    /// <summary>The decision to store; null when refused.</summary>
    public AssignmentDecision? Decision { get; }

    public DecisionRefusal? Refusal { get; }

    public static DecisionResult Made(AssignmentDecision decision) => new(decision, null);

    public static DecisionResult Refused(DecisionRefusal refusal) => new(null, refusal);
}
