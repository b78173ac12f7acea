namespace Datawijs.Domain.Assignments;

/// <summary>A person's own decision on an assignment's advice.</summary>
/// <param name="Outcome">follows or deviates (<see cref="DecisionOutcomes"/>).</param>
/// <param name="Reasoning">The person's own reasoning, trimmed; never empty.</param>
/// <param name="DecidedAt">When the decision was made.</param>
/// <param name="ClientId">The application the person used.</param>
/// <param name="UserId">The person who decided.</param>
/// <param name="UserRepresentation">Their name as the application shows it.</param>
public sealed record AssignmentDecision(
    string Outcome,
    string Reasoning,
    DateTimeOffset DecidedAt,
    string ClientId,
    string? UserId,
    string? UserRepresentation);
